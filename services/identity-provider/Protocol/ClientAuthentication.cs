using System.Security.Cryptography;
using System.Text;
using RealGuard.IdentityProvider.Realms;

namespace RealGuard.IdentityProvider.Protocol;

/// <summary>
/// Client authentication for the endpoints RealGuard serves outside OpenIddict's token pipeline (token logout), with the
/// answers of Keycloak's <c>ClientIdAndSecretAuthenticator</c>: client id and secret from <c>Authorization: Basic</c>
/// or the form; a public client names itself with <c>client_id</c>.
/// </summary>
public static class ClientAuthentication
{
    public const string InvalidCredentials = "Invalid client or Invalid client credentials";
    public const string SecretMissing = "Client secret not provided in request";

    public sealed record Result(RealmClient? Client, IResult? Error);

    public static Result Authenticate(HttpRequest request, Realm realm, IFormCollection form)
    {
        var (clientId, secret) = FromBasicHeader(request) ?? (form["client_id"].ToString(), form["client_secret"].FirstOrDefault());
        if (string.IsNullOrEmpty(clientId))
        {
            return Fail(StatusCodes.Status400BadRequest, "invalid_client", "Missing client_id parameter");
        }
        var client = realm.FindClient(clientId);
        if (client is null)
        {
            return Fail(StatusCodes.Status401Unauthorized, "invalid_client", InvalidCredentials);
        }
        if (client.IsBearerOnly)
        {
            return Fail(StatusCodes.Status400BadRequest, "invalid_client", "Bearer-only not allowed");
        }
        if (client.IsPublic)
        {
            return new Result(client, null);
        }
        if (string.IsNullOrEmpty(secret))
        {
            return Fail(StatusCodes.Status401Unauthorized, "unauthorized_client", SecretMissing);
        }
        return client.Secret is { } expected && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(expected))
            ? new Result(client, null)
            : Fail(StatusCodes.Status401Unauthorized, "unauthorized_client", InvalidCredentials);
    }

    private static (string, string?)? FromBasicHeader(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim())).Split(':', 2);
            return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null);
        }
        catch (FormatException)
        {
            return ("", null);
        }
    }

    private static Result Fail(int status, string error, string description) =>
        new(null, Results.Json(new { error, error_description = description }, statusCode: status));
}

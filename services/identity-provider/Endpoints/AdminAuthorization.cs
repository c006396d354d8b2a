using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using RealGuard.IdentityProvider.Data;
using RealGuard.IdentityProvider.Realms;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealGuard.IdentityProvider.Endpoints;

/// <summary>
/// Who may call the admin REST API: a valid, unrevoked access token of the realm whose
/// <c>resource_access.realm-management.roles</c> holds the needed role (as Keycloak checks).
/// </summary>
public sealed class AdminAuthorization(KeyStore keys, IOpenIddictTokenManager tokens)
{
    public const string ManageUsers = "manage-users";
    public const string ViewUsers = "view-users";
    public const string ViewRealm = "view-realm";
    public const string ManageRealm = "manage-realm";
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>Null when allowed; otherwise the 401 or 403 Keycloak would answer.</summary>
    public async Task<IResult?> CheckAsync(HttpContext http, Realm realm, params string[] anyOfRoles)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Unauthorized();
        }
        var result = await Handler.ValidateTokenAsync(header["Bearer ".Length..].Trim(), new TokenValidationParameters
        {
            ValidIssuer = $"{http.Request.Scheme}://{http.Request.Host}/realms/{realm.Name}",
            IssuerSigningKey = keys.SigningKey,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidTypes = [JsonWebTokenTypes.GenericJsonWebToken],
            ValidateAudience = false,
            ClockSkew = TimeSpan.Zero,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt ||
            !jwt.TryGetPayloadValue<string>("typ", out var typ) || typ != "Bearer" ||
            await tokens.FindByIdAsync(jwt.Id) is not { } entry || !await tokens.HasStatusAsync(entry, Statuses.Valid))
        {
            return Unauthorized();
        }
        return RealmManagementRoles(jwt).Overlaps(anyOfRoles) ? null : Forbidden();
    }

    private static HashSet<string> RealmManagementRoles(JsonWebToken jwt)
    {
        if (!jwt.TryGetPayloadValue<JsonElement>("resource_access", out var access) || access.ValueKind != JsonValueKind.Object ||
            !access.TryGetProperty("realm-management", out var management) || !management.TryGetProperty("roles", out var roles) ||
            roles.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        return roles.EnumerateArray().Select(r => r.GetString()).OfType<string>().ToHashSet();
    }

    public static IResult Unauthorized() => Results.Json(new { error = "HTTP 401 Unauthorized" }, statusCode: StatusCodes.Status401Unauthorized);

    public static IResult Forbidden() => Results.Json(new { error = "HTTP 403 Forbidden" }, statusCode: StatusCodes.Status403Forbidden);
}

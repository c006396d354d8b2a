using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using RealGuard.Web.Sessions;

namespace RealGuard.Web.Authentication;

/// <summary>What RealGuard adds to the OpenID Connect code flow.</summary>
public static class OidcEvents
{
    /// <summary>The ID token of the session being logged out, handed from the logout endpoint to the sign-out redirect.</summary>
    public const string IdTokenHintItem = "RealGuard.IdTokenHint";

    public const string RoleClaimType = "role";

    public static OpenIdConnectEvents Create() => new()
    {
        OnTokenValidated = OnTokenValidated,
        OnRedirectToIdentityProviderForSignOut = AddIdTokenHint,
        OnRemoteFailure = ShowFailurePage,
    };

    /// <summary>
    /// Adds the server-side session's key and the realm roles to the user. The roles are read from the access
    /// token the token endpoint just returned over the authenticated back channel (ID tokens carry none).
    /// </summary>
    private static Task OnTokenValidated(TokenValidatedContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity)
        {
            return Task.CompletedTask;
        }

        identity.AddClaim(new Claim(SessionClaims.SessionKey, ServerSideTicketStore.NewSessionKey()));
        foreach (var role in RealmRoles(context.TokenEndpointResponse?.AccessToken))
        {
            identity.AddClaim(new Claim(RoleClaimType, role));
        }

        if (context.TokenEndpointResponse?.GetParameter("refresh_expires_in") is { } refreshExpiresIn
            && int.TryParse(refreshExpiresIn, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            context.Properties!.Items[ServerSideTicketStore.RefreshTokenExpiresAtItem] =
                DateTimeOffset.UtcNow.AddSeconds(seconds).ToString("O", CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }

    private static Task AddIdTokenHint(RedirectContext context)
    {
        if (context.HttpContext.Items[IdTokenHintItem] is string idToken)
        {
            context.ProtocolMessage.IdTokenHint = idToken;
        }

        return Task.CompletedTask;
    }

    // A failed callback (the IAM went away during the code exchange, the user cancelled, a stale state) shows a
    // page with a way forward instead of an exception.
    private static Task ShowFailurePage(RemoteFailureContext context)
    {
        var unavailable = context.Failure is { } failure && (failure is HttpRequestException || failure.InnerException is HttpRequestException
            || failure is IdentityProviderUnavailableException);
        context.Response.Redirect(unavailable ? "/identity-provider-unavailable" : "/authentication/failed");
        context.HandleResponse();
        return Task.CompletedTask;
    }

    // Read, not validated: the token came straight from the token endpoint over the authenticated back channel.
    internal static IReadOnlyList<string> RealmRoles(string? accessToken)
    {
        if (accessToken is null || !TokenReader.CanReadToken(accessToken))
        {
            return [];
        }

        try
        {
            if (!new JsonWebToken(accessToken).TryGetClaim("realm_access", out var realmAccess))
            {
                return [];
            }
            using var json = JsonDocument.Parse(realmAccess.Value);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("roles", out var roles)
                && roles.ValueKind == JsonValueKind.Array
                    ? roles.EnumerateArray().Where(role => role.ValueKind == JsonValueKind.String).Select(role => role.GetString()!).ToList()
                    : [];
        }
        catch (Exception e) when (e is ArgumentException or JsonException)
        {
            return [];
        }
    }

    private static readonly JsonWebTokenHandler TokenReader = new();
}

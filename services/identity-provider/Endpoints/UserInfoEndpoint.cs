using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using RealGuard.IdentityProvider.Realms;
using RealGuard.IdentityProvider.Sessions;
using RealGuard.IdentityProvider.Tokens;
using RealGuard.IdentityProvider.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealGuard.IdentityProvider.Endpoints;

/// <summary>The userinfo endpoint: the claims the realm's mappers release to userinfo, for an access token of an active session.</summary>
public static class UserInfoEndpoint
{
    public static IEndpointRouteBuilder MapUserInfoEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/protocol/openid-connect/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http, UserDirectory users, SessionStore sessions)
    {
        var realm = RealmCatalog.Required(http);
        var token = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
        var client = realm.FindClient(token.GetClaim(Claims.AuthorizedParty));
        var user = await users.FindByIdAsync(realm, token.GetClaim(Claims.Subject) ?? "");
        var sessionId = token.GetClaim("sid");
        if (client is null || user is not { Enabled: true } || (sessionId is not null && await sessions.FindActiveAsync(realm, sessionId) is null))
        {
            return InvalidToken(realm, "User session not found or doesn't have client attached on it");
        }

        var tokenScopes = (token.GetClaim(Claims.Scope) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!tokenScopes.Contains(Scopes.OpenId))
        {
            return new BearerError(realm.Name, StatusCodes.Status403Forbidden, Errors.InsufficientScope, "Missing openid scope");
        }
        var scopes = ResolvedScopes.For(client, tokenScopes);
        var subject = new TokenSubject(realm, client, user, sessionId, null, "1", scopes.ClientScopes, scopes.OpenId, new Dictionary<string, string>());
        return Results.Json(KeycloakClaims.Build(subject, TokenKind.UserInfo));
    }

    private static IResult InvalidToken(Realm realm, string description) =>
        new BearerError(realm.Name, StatusCodes.Status401Unauthorized, Errors.InvalidToken, description);

    /// <summary>Keycloak's Bearer error: the status, a challenge naming the realm, and the same error as JSON.</summary>
    private sealed class BearerError(string realm, int status, string error, string description) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{realm}\", error=\"{error}\", error_description=\"{description}\"";
            return http.Response.WriteAsJsonAsync(new { error, error_description = description });
        }
    }
}

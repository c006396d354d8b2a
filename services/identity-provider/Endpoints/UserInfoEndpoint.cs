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

        var scopes = ResolvedScopes.For(client, (token.GetClaim(Claims.Scope) ?? "").Split(' '));
        var subject = new TokenSubject(realm, client, user, sessionId, null, "1", scopes.ClientScopes, scopes.OpenId, new Dictionary<string, string>());
        return Results.Json(KeycloakClaims.Build(subject, TokenKind.UserInfo));
    }

    private static IResult InvalidToken(Realm realm, string description) => new InvalidTokenResult(realm.Name, description);

    private sealed class InvalidTokenResult(string realm, string description) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{realm}\", error=\"invalid_token\", error_description=\"{description}\"";
            return http.Response.WriteAsJsonAsync(new { error = Errors.InvalidToken, error_description = description });
        }
    }
}

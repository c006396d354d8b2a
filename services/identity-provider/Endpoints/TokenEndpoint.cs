using Microsoft.AspNetCore;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using RealGuard.IdentityProvider.Realms;
using RealGuard.IdentityProvider.Sessions;
using RealGuard.IdentityProvider.Tokens;
using RealGuard.IdentityProvider.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealGuard.IdentityProvider.Endpoints;

/// <summary>
/// The token endpoint after OpenIddict validated the client and the grant (code, PKCE, refresh token):
/// checks that the user and the SSO session are still there, and issues tokens with the user as they are now.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/protocol/openid-connect/token", ExchangeAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ExchangeAsync(HttpContext http, UserDirectory users, PasswordLogin passwordLogin, SessionStore sessions, SessionGrants grants,
        RefreshTokenReuse reuse, ILogger<TokenRequestLog> log)
    {
        var realm = RealmCatalog.Required(http);
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenID Connect request.");
        var client = realm.FindClient(request.ClientId)!;
        // One line per token request (never a secret or token): how often clients refresh is visible in the log.
        log.LogInformation("Token request: grant_type={GrantType} client_id={ClientId} realm={Realm}", request.GrantType, client.ClientId, realm.Name);

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
            var user = await users.FindByIdAsync(realm, granted.GetClaim(Claims.Subject)!);
            var sessionId = KeycloakPrincipal.SessionId(granted);
            var session = sessionId is null ? null : await sessions.FindActiveAsync(realm, sessionId);
            if (sessionId is not null && session is null)
            {
                return OpenIddictResults.Reject(Errors.InvalidGrant, "Session not active");
            }
            if (user is not { Enabled: true })
            {
                return OpenIddictResults.Reject(Errors.InvalidGrant, "User disabled");
            }
            if (request.IsRefreshTokenGrantType() && granted.GetTokenId() is { } tokenId && granted.GetAuthorizationId() is { } clientSession &&
                reuse.TryUse(realm, clientSession, tokenId) is { } refused)
            {
                return OpenIddictResults.Reject(Errors.InvalidGrant, refused);
            }
            var principal = KeycloakPrincipal.Create(client, user, session, KeycloakPrincipal.ClientScopes(granted), granted.HasScope(Scopes.OpenId),
                KeycloakPrincipal.Acr(granted), KeycloakPrincipal.Notes(granted), session is null ? null : sessions.ExpiresAt(realm, session));
            principal.SetAuthorizationId(granted.GetAuthorizationId());
            return SignIn(principal, realm, session, sessions);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var scopes = ResolvedScopes.For(client, request.GetScopes());
            if (scopes.Invalid.Count > 0)
            {
                return OpenIddictResults.Reject(Errors.InvalidScope, scopes.InvalidDescription);
            }
            var serviceAccount = await users.FindServiceAccountAsync(realm, client.ClientId);
            if (serviceAccount is not { Enabled: true })
            {
                return OpenIddictResults.Reject(Errors.UnauthorizedClient, "Client not enabled to retrieve service account");
            }
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "";
            var notes = new Dictionary<string, string> { ["client_id"] = client.ClientId, ["clientHost"] = address, ["clientAddress"] = address };
            var principal = KeycloakPrincipal.Create(client, serviceAccount, session: null, scopes.ClientScopes, scopes.OpenId, "1", notes);
            return SignIn(principal, realm, session: null, sessions);
        }

        if (request.IsPasswordGrantType())
        {
            var scopes = ResolvedScopes.For(client, request.GetScopes());
            if (scopes.Invalid.Count > 0)
            {
                return OpenIddictResults.Reject(Errors.InvalidScope, scopes.InvalidDescription);
            }
            var login = await passwordLogin.AuthenticateAsync(realm, request.Username ?? "", request.Password ?? "", http.Connection.RemoteIpAddress?.ToString());
            if (login is not { Outcome: LoginOutcome.Success, User: { } user })
            {
                return OpenIddictResults.Reject(Errors.InvalidGrant,
                    login.Outcome is LoginOutcome.AccountDisabled ? "Account disabled" : "Invalid user credentials");
            }
            var session = await sessions.StartAsync(realm, user.Id);
            await sessions.AddClientAsync(session, client.ClientId);
            var principal = KeycloakPrincipal.Create(client, user, session, scopes.ClientScopes, scopes.OpenId, "1",
                sessionExpiresAt: sessions.ExpiresAt(realm, session));
            await grants.AttachAsync(principal, client, session);
            return SignIn(principal, realm, session, sessions);
        }

        return OpenIddictResults.Reject(Errors.UnsupportedGrantType, "Unsupported grant_type");
    }

    /// <summary>Keycloak's token response has a few fields of its own beside the standard ones.</summary>
    private static IResult SignIn(ClaimsPrincipal principal, Realm realm, UserSession? session, SessionStore sessions)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["refresh_expires_in"] = session is null ? 0L : (long)(sessions.ExpiresAt(realm, session) - DateTimeOffset.UtcNow).TotalSeconds,
            ["not-before-policy"] = 0L,
            [Parameters.Scope] = KeycloakClaims.Scope(realm, KeycloakPrincipal.ClientScopes(principal), principal.HasScope(Scopes.OpenId)),
        };
        if (session is not null)
        {
            parameters["session_state"] = session.Id;
        }
        return Results.SignIn(principal, new AuthenticationProperties(new Dictionary<string, string?>(), parameters),
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

}

/// <summary>The log category of token requests.</summary>
public sealed class TokenRequestLog;

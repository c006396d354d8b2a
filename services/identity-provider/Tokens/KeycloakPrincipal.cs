using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using RealGuard.IdentityProvider.Realms;
using RealGuard.IdentityProvider.Sessions;
using RealGuard.IdentityProvider.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealGuard.IdentityProvider.Tokens;

/// <summary>
/// The principal RealGuard signs in with OpenIddict. It carries only references (realm, client, user, session,
/// scopes); the Keycloak-shaped claims are computed from the realm when each token is written.
/// These private claims stay inside OpenIddict's own encrypted codes and refresh tokens.
/// </summary>
public static class KeycloakPrincipal
{
    private const string RealmClaim = "kc_realm";
    private const string ClientClaim = "kc_client";
    private const string SessionClaim = "kc_sid";
    private const string AcrClaim = "kc_acr";
    private const string AuthTimeClaim = "kc_auth_time";
    private const string ScopesClaim = "kc_scopes";
    private const string NotesClaim = "kc_notes";

    public static ClaimsPrincipal Create(
        RealmClient client, UserAccount user, UserSession? session, IEnumerable<string> clientScopes, bool openId, string acr,
        IReadOnlyDictionary<string, string>? notes = null, DateTimeOffset? sessionExpiresAt = null)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Subject, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(RealmClaim, client.Realm.Name)
            .SetClaim(ClientClaim, client.ClientId)
            .SetClaim(AcrClaim, acr)
            .SetClaim(ScopesClaim, string.Join(' ', clientScopes));
        if (session is not null)
        {
            identity.SetClaim(SessionClaim, session.Id)
                .SetClaim(AuthTimeClaim, session.StartedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }
        if (notes is { Count: > 0 })
        {
            identity.SetClaim(NotesClaim, JsonSerializer.Serialize(notes));
        }

        var principal = new ClaimsPrincipal(identity);
        var scopes = openId ? clientScopes.Prepend(Scopes.OpenId) : clientScopes;
        principal.SetScopes(scopes.Append(Scopes.OfflineAccess).Distinct());
        principal.SetAccessTokenLifetime(client.AccessTokenLifespan)
            .SetIdentityTokenLifetime(client.AccessTokenLifespan)
            .SetAuthorizationCodeLifetime(client.Realm.AccessCodeLifespan);
        if (sessionExpiresAt is { } expiresAt)
        {
            principal.SetRefreshTokenLifetime(expiresAt - DateTimeOffset.UtcNow);
        }
        principal.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return principal;
    }

    public static string? RealmName(ClaimsPrincipal principal) => principal.GetClaim(RealmClaim);
    public static string? ClientId(ClaimsPrincipal principal) => principal.GetClaim(ClientClaim);
    public static string? SessionId(ClaimsPrincipal principal) => principal.GetClaim(SessionClaim);
    public static string Acr(ClaimsPrincipal principal) => principal.GetClaim(AcrClaim) ?? "1";
    public static IReadOnlyList<string> ClientScopes(ClaimsPrincipal principal) =>
        (principal.GetClaim(ScopesClaim) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static DateTimeOffset? AuthTime(ClaimsPrincipal principal) =>
        long.TryParse(principal.GetClaim(AuthTimeClaim), CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public static IReadOnlyDictionary<string, string> Notes(ClaimsPrincipal principal) =>
        principal.GetClaim(NotesClaim) is { } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [] : new Dictionary<string, string>();

    /// <summary>Resolves what a token is about from the principal, with the user as the realm knows them now.</summary>
    public static async Task<TokenSubject?> ResolveAsync(ClaimsPrincipal principal, RealmCatalog realms, UserDirectory users, CancellationToken cancellationToken = default)
    {
        var realm = realms.Find(RealmName(principal));
        var client = realm?.FindClient(ClientId(principal));
        var userId = principal.GetClaim(Claims.Subject);
        if (realm is null || client is null || userId is null)
        {
            return null;
        }
        var user = await users.FindByIdAsync(realm, userId, cancellationToken);
        if (user is null)
        {
            return null;
        }
        var authTime = AuthTime(principal);
        var notes = new Dictionary<string, string>(Notes(principal));
        if (authTime is { } time)
        {
            notes["AUTH_TIME"] = time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        }
        return new TokenSubject(realm, client, user, SessionId(principal), authTime, Acr(principal),
            ClientScopes(principal), principal.HasScope(Scopes.OpenId), notes);
    }
}

using System.Collections.Concurrent;
using RealGuard.IdentityProvider.Realms;

namespace RealGuard.IdentityProvider.Sessions;

/// <summary>
/// Keycloak's refresh-token reuse rule when the realm has <c>revokeRefreshToken</c> on (TokenManager's token-reuse check),
/// per client session (an OpenIddict authorization): the token last used may serve <c>refreshTokenMaxReuse</c> more
/// refreshes, and a token issued before the last refresh is stale. A refused reuse ends nothing: the session and its
/// newest token stay valid, as in Keycloak. Kept in memory, as Keycloak tolerates this state being lost on a restart
/// (it compares with the server's start time).
/// </summary>
/// <remarks>
/// Keycloak compares the token's <c>iat</c> with the last refresh in whole seconds, so a token used again within the same
/// second may slip through; here "issued before the last refresh" is exact: only tokens issued since then are fresh.
/// </remarks>
public sealed class RefreshTokenReuse
{
    public const string MaxReuseExceeded = "Maximum allowed refresh token reuse exceeded";
    public const string Stale = "Stale token";

    private readonly ConcurrentDictionary<string, ClientSessionRefresh> sessions = new(StringComparer.Ordinal);

    /// <summary>A refresh token was issued in the client session.</summary>
    public void Issued(Realm realm, string clientSessionId, string tokenId)
    {
        if (!realm.RevokeRefreshToken)
        {
            return;
        }
        var state = sessions.GetOrAdd(clientSessionId, _ => new ClientSessionRefresh());
        lock (state)
        {
            state.IssuedSinceLastRefresh.Add(tokenId);
        }
    }

    /// <returns>Null when the refresh may go ahead (and counts it); otherwise Keycloak's error description.</returns>
    public string? TryUse(Realm realm, string clientSessionId, string tokenId)
    {
        if (!realm.RevokeRefreshToken)
        {
            return null;
        }
        var state = sessions.GetOrAdd(clientSessionId, _ => new ClientSessionRefresh());
        lock (state)
        {
            if (state.CurrentTokenId is not null && state.CurrentTokenId != tokenId && !state.IssuedSinceLastRefresh.Contains(tokenId))
            {
                return Stale;
            }
            if (state.CurrentTokenId != tokenId)
            {
                (state.CurrentTokenId, state.UseCount) = (tokenId, 0);
            }
            if (state.UseCount > realm.RefreshTokenMaxReuse)
            {
                return MaxReuseExceeded;
            }
            state.UseCount++;
            state.IssuedSinceLastRefresh.Clear();
            return null;
        }
    }

    public void Forget(string clientSessionId) => sessions.TryRemove(clientSessionId, out _);

    private sealed class ClientSessionRefresh
    {
        public string? CurrentTokenId { get; set; }
        public int UseCount { get; set; }
        public HashSet<string> IssuedSinceLastRefresh { get; } = new(StringComparer.Ordinal);
    }
}

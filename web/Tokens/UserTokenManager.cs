using System.Collections.Concurrent;
using RealGuard.Web.Authentication;
using RealGuard.Web.Sessions;

namespace RealGuard.Web.Tokens;

/// <summary>
/// The access token of a server-side session, refreshed shortly before it expires. However many components and
/// requests of one session ask at the same moment, one refresh runs and all of them get its result. It works the
/// same inside a circuit and in a request because it needs only the session key, never an HttpContext.
/// A refresh the IAM refuses ends the session, unless another replica refreshed the session meanwhile (with rotation its
/// refresh token was spent); an IAM that cannot be reached does not, as long as the current access token is still valid.
/// </summary>
public sealed partial class UserTokenManager(
    IUserSessionStore sessions,
    ITokenEndpoint tokenEndpoint,
    TimeProvider time,
    ILogger<UserTokenManager> logger)
{
    private static readonly TimeSpan RefreshTimeout = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<string, Lazy<Task<UserTokens>>> refreshes = new(StringComparer.Ordinal);

    /// <exception cref="UserSessionEndedException">The session is gone or the IAM refused to refresh it.</exception>
    /// <exception cref="IdentityProviderUnavailableException">The token has expired and the IAM cannot be reached.</exception>
    public async Task<string> GetAccessTokenAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        var session = await sessions.GetAsync(sessionKey, cancellationToken) ?? throw new UserSessionEndedException();
        if (!session.Tokens.IsRefreshDue(time.GetUtcNow()))
        {
            return session.Tokens.AccessToken;
        }

        var tokens = await RefreshOnceAsync(sessionKey).WaitAsync(cancellationToken);
        return tokens.AccessToken;
    }

    /// <summary>The session's tokens as they are now, without refreshing (for expiry times; never sent to a browser).</summary>
    public async Task<UserTokens?> PeekAsync(string sessionKey, CancellationToken cancellationToken = default)
        => (await sessions.GetAsync(sessionKey, cancellationToken))?.Tokens;

    // The refresh runs without the caller's cancellation: other callers wait for the same task.
    private Task<UserTokens> RefreshOnceAsync(string sessionKey)
    {
        var refresh = refreshes.GetOrAdd(sessionKey, key => new Lazy<Task<UserTokens>>(() => RefreshAsync(key)));
        return AwaitAndForgetAsync(sessionKey, refresh);
    }

    private async Task<UserTokens> AwaitAndForgetAsync(string sessionKey, Lazy<Task<UserTokens>> refresh)
    {
        try
        {
            return await refresh.Value;
        }
        finally
        {
            refreshes.TryRemove(KeyValuePair.Create(sessionKey, refresh));
        }
    }

    private async Task<UserTokens> RefreshAsync(string sessionKey)
    {
        // Someone may have refreshed between our read and this point.
        var session = await sessions.GetAsync(sessionKey) ?? throw new UserSessionEndedException();
        var current = session.Tokens;
        var now = time.GetUtcNow();
        if (!current.IsRefreshDue(now))
        {
            return current;
        }

        if (current.RefreshToken is null)
        {
            return await EndSessionAsync(sessionKey, "no refresh token");
        }

        using var timeout = new CancellationTokenSource(RefreshTimeout, time);
        RefreshResult result;
        try
        {
            result = await tokenEndpoint.RefreshAsync(current.RefreshToken, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            result = RefreshResult.Unavailable("timed out");
        }

        switch (result.Outcome)
        {
            case RefreshResult.Kind.Refreshed:
                var response = result.Tokens!;
                var issuedAt = time.GetUtcNow();
                var lifetime = TimeSpan.FromSeconds(Math.Max(response.ExpiresIn, 1));
                var refreshed = new UserTokens(
                    response.AccessToken,
                    response.RefreshToken ?? current.RefreshToken,
                    response.IdentityToken ?? current.IdentityToken,
                    issuedAt + lifetime,
                    lifetime,
                    response.RefreshExpiresIn is { } seconds ? issuedAt.AddSeconds(seconds) : current.RefreshTokenExpiresAt);
                if (await sessions.UpdateAsync(sessionKey, s => s with { Tokens = refreshed }) is null)
                {
                    throw new UserSessionEndedException(); // logged out while refreshing
                }

                LogRefreshed(logger, refreshed.AccessTokenExpiresAt);
                return refreshed;

            case RefreshResult.Kind.Refused:
                // With rotation (revokeRefreshToken) a refresh token works once. If another replica refreshed this
                // session meanwhile, the store holds its successor and the refusal was about a spent token: keep going.
                if (await sessions.GetAsync(sessionKey) is { } latest && latest.Tokens.RefreshToken != current.RefreshToken)
                {
                    return latest.Tokens;
                }

                return await EndSessionAsync(sessionKey, result.Error ?? "refused");

            default:
                if (!current.IsAccessTokenExpired(time.GetUtcNow()))
                {
                    LogUsingCurrentToken(logger, result.Error);
                    return current;
                }

                throw new IdentityProviderUnavailableException($"The access token has expired and the identity provider cannot refresh it ({result.Error}).");
        }
    }

    private async Task<UserTokens> EndSessionAsync(string sessionKey, string reason)
    {
        await sessions.RemoveAsync(sessionKey);
        LogSessionEnded(logger, reason);
        throw new UserSessionEndedException();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Access token refreshed; it expires at {ExpiresAt:O}")]
    private static partial void LogRefreshed(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Token refresh failed ({Reason}); the current access token is still valid and is used")]
    private static partial void LogUsingCurrentToken(ILogger logger, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Server-side session ended: the refresh failed ({Reason})")]
    private static partial void LogSessionEnded(ILogger logger, string reason);
}

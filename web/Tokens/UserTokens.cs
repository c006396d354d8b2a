namespace RealGuard.Web.Tokens;

/// <summary>The tokens of one session. They never leave the server.</summary>
/// <param name="AccessTokenLifetime">How long the access token was issued for; the refresh margin is a share of it.</param>
/// <param name="RefreshTokenExpiresAt">Keycloak's <c>refresh_expires_in</c>, when it sent one: the IAM session's idle limit.</param>
public sealed record UserTokens(
    string AccessToken,
    string? RefreshToken,
    string? IdentityToken,
    DateTimeOffset AccessTokenExpiresAt,
    TimeSpan AccessTokenLifetime,
    DateTimeOffset? RefreshTokenExpiresAt)
{
    private static readonly TimeSpan LargestMargin = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When to refresh: once four fifths of the lifetime are used, at most 30 s before expiry. A fixed margin
    /// would refresh on every call when the realm issues tokens for a few seconds only.
    /// </summary>
    public DateTimeOffset RefreshDueAt
    {
        get
        {
            var margin = AccessTokenLifetime / 5;
            return AccessTokenExpiresAt - (margin > LargestMargin ? LargestMargin : margin);
        }
    }

    public bool IsRefreshDue(DateTimeOffset now) => now >= RefreshDueAt;

    public bool IsAccessTokenExpired(DateTimeOffset now) => now >= AccessTokenExpiresAt;

    public override string ToString() => $"UserTokens(expires {AccessTokenExpiresAt:O})"; // never print a token
}

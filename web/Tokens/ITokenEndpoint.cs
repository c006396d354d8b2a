namespace RealGuard.Web.Tokens;

/// <summary>The IAM's token and revocation endpoints, as the confidential client.</summary>
public interface ITokenEndpoint
{
    Task<RefreshResult> RefreshAsync(string refreshToken, CancellationToken cancellationToken);

    /// <summary>Revokes the refresh token (and with it, at Keycloak, the session's offline use); best effort.</summary>
    Task<bool> RevokeRefreshTokenAsync(string refreshToken, CancellationToken cancellationToken);
}

/// <summary>What a refresh came to: new tokens, a refusal (the session is over), or an IAM that could not answer.</summary>
public sealed record RefreshResult(RefreshResult.Kind Outcome, TokenEndpointResponse? Tokens, string? Error)
{
    public enum Kind { Refreshed, Refused, Unavailable }

    public static RefreshResult Refreshed(TokenEndpointResponse tokens) => new(Kind.Refreshed, tokens, null);

    public static RefreshResult Refused(string error) => new(Kind.Refused, null, error);

    public static RefreshResult Unavailable(string reason) => new(Kind.Unavailable, null, reason);
}

/// <param name="RefreshToken">Null when the IAM kept the old one (no rotation).</param>
public sealed record TokenEndpointResponse(string AccessToken, string? RefreshToken, string? IdentityToken, int ExpiresIn, int? RefreshExpiresIn);

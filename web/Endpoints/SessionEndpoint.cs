using System.Security.Claims;
using RealGuard.Web.Sessions;

namespace RealGuard.Web.Endpoints;

/// <summary>
/// <c>GET /bff/session</c>: who is signed in and until when, for the browser. The user's public claims and the
/// expiry times; never a token, never the session key.
/// </summary>
public static class SessionEndpoint
{
    public const string Path = "/bff/session";

    // Protocol plumbing and session references: nothing a page needs, some of it usable to correlate or replay.
    private static readonly HashSet<string> HiddenClaims = new(StringComparer.Ordinal)
    {
        SessionClaims.SessionKey, SessionClaims.IdentityProviderSessionId, "nonce", "at_hash", "c_hash", "jti", "exp", "iat", "nbf", "typ",
    };

    public static async Task<IResult> GetAsync(HttpContext http, IUserSessionStore sessions, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        var user = http.User;
        var key = user.FindFirst(SessionClaims.SessionKey)?.Value;
        var session = key is null ? null : await sessions.GetAsync(key, cancellationToken);
        if (session is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "The session has ended; log in again.");
        }

        return Results.Ok(new SessionInfo(
            session.SubjectId,
            user.FindFirst("preferred_username")?.Value,
            user.FindFirst("name")?.Value,
            user.FindFirst("email")?.Value,
            user.FindAll(Authentication.OidcEvents.RoleClaimType).Select(claim => claim.Value).ToList(),
            PublicClaims(user),
            session.ExpiresAt,
            session.Tokens.AccessTokenExpiresAt,
            session.Tokens.RefreshTokenExpiresAt));
    }

    public static IReadOnlyList<SessionClaim> PublicClaims(ClaimsPrincipal user)
        => user.Claims.Where(claim => !HiddenClaims.Contains(claim.Type)).Select(claim => new SessionClaim(claim.Type, claim.Value)).ToList();
}

public sealed record SessionClaim(string Type, string Value);

public sealed record SessionInfo(
    string UserId,
    string? UserName,
    string? Name,
    string? Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<SessionClaim> Claims,
    DateTimeOffset SessionExpiresAt,
    DateTimeOffset AccessTokenExpiresAt,
    DateTimeOffset? RefreshTokenExpiresAt);

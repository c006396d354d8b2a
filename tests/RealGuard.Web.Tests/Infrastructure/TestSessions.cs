using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using RealGuard.Web.Sessions;
using RealGuard.Web.Tokens;

namespace RealGuard.Web.Tests.Infrastructure;

public static class TestSessions
{
    public static UserTokens NewTokens(DateTimeOffset issuedAt, TimeSpan lifetime, string accessToken = "access-1", string refreshToken = "refresh-1")
        => new(accessToken, refreshToken, "id-token", issuedAt + lifetime, lifetime, issuedAt.AddMinutes(30));

    public static UserSession NewSession(string key, UserTokens tokens, string subject = "bob-sub", string? sid = "iam-session-1", DateTimeOffset? expiresAt = null)
        => new(key, subject, sid, TicketSerializer.Default.Serialize(Ticket(key, subject, sid)), expiresAt ?? tokens.AccessTokenExpiresAt.AddHours(10), tokens);

    public static AuthenticationTicket Ticket(string key, string subject = "bob-sub", string? sid = "iam-session-1")
    {
        var claims = new List<Claim> { new(SessionClaims.SessionKey, key), new("sub", subject), new("preferred_username", "bob") };
        if (sid is not null)
        {
            claims.Add(new Claim("sid", sid));
        }

        return new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, "test", "preferred_username", "role")), "Cookies");
    }
}

using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using RealGuard.Web.Tokens;

namespace RealGuard.Web.Sessions;

/// <summary>
/// The cookie handler's session store: the authentication ticket stays on the server and the cookie carries only
/// the session key. The tokens OpenIdConnect saved into the ticket are taken out of it here and kept beside it in
/// the <see cref="UserSession"/>, where only <see cref="UserTokenManager"/> reads and replaces them.
/// </summary>
public sealed class ServerSideTicketStore(IUserSessionStore sessions, TimeProvider time) : ITicketStore
{
    /// <summary>Where the sign-in puts Keycloak's <c>refresh_expires_in</c>, as an absolute time, for the store to pick up.</summary>
    public const string RefreshTokenExpiresAtItem = ".refresh_expires_at";

    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(10);

    public static string NewSessionKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var now = time.GetUtcNow();
        var key = ticket.Principal.FindFirst(SessionClaims.SessionKey)?.Value
            ?? throw new InvalidOperationException($"The ticket has no {SessionClaims.SessionKey} claim: sign-in must add it.");
        var subject = ticket.Principal.FindFirst(SessionClaims.Subject)?.Value
            ?? throw new InvalidOperationException("The ticket has no sub claim.");
        var tokens = TakeTokens(ticket.Properties, now)
            ?? throw new InvalidOperationException("The ticket holds no access token: OpenIdConnect must save the tokens.");

        await sessions.SaveAsync(new UserSession(
            key,
            subject,
            ticket.Principal.FindFirst(SessionClaims.IdentityProviderSessionId)?.Value,
            TicketSerializer.Default.Serialize(ticket),
            ticket.Properties.ExpiresUtc ?? now + DefaultLifetime,
            tokens));
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        // A ticket read from this store has no tokens; whatever the tokens are now stays as it is.
        TakeTokens(ticket.Properties, time.GetUtcNow());
        var bytes = TicketSerializer.Default.Serialize(ticket);
        await sessions.UpdateAsync(key, session => session with
        {
            Ticket = bytes,
            ExpiresAt = ticket.Properties.ExpiresUtc ?? session.ExpiresAt,
        });
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var session = await sessions.GetAsync(key);
        if (session is null)
        {
            return null;
        }

        if (session.ExpiresAt <= time.GetUtcNow())
        {
            await sessions.RemoveAsync(key);
            return null;
        }

        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public Task RemoveAsync(string key) => sessions.RemoveAsync(key);

    /// <summary>Removes the saved tokens from the ticket's properties and returns them.</summary>
    internal static UserTokens? TakeTokens(AuthenticationProperties properties, DateTimeOffset now)
    {
        var accessToken = properties.GetTokenValue("access_token");
        var refreshToken = properties.GetTokenValue("refresh_token");
        var identityToken = properties.GetTokenValue("id_token");
        var expiresAt = DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture,
            DateTimeStyles.RoundtripKind, out var parsed) ? parsed : now.AddMinutes(1);
        DateTimeOffset? refreshExpiresAt = properties.Items.TryGetValue(RefreshTokenExpiresAtItem, out var item)
            && DateTimeOffset.TryParse(item, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var refreshParsed)
            ? refreshParsed : null;

        properties.StoreTokens([]);
        properties.Items.Remove(RefreshTokenExpiresAtItem);

        return accessToken is null
            ? null
            : new UserTokens(accessToken, refreshToken, identityToken, expiresAt, expiresAt - now, refreshExpiresAt);
    }
}

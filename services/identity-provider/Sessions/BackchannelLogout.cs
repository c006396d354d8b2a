using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RealGuard.IdentityProvider.Data;
using RealGuard.IdentityProvider.Realms;

namespace RealGuard.IdentityProvider.Sessions;

/// <summary>
/// OpenID Connect Back-Channel Logout: when a session ends, each client that took part in it and has a
/// back-channel logout URL receives a signed logout token, as Keycloak sends it.
/// </summary>
public sealed class BackchannelLogout(IHttpClientFactory httpClients, KeyStore keys, TimeProvider time, ILogger<BackchannelLogout> logger)
{
    public const string HttpClientName = "backchannel-logout";
    private static readonly JsonWebTokenHandler Tokens = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task NotifyAsync(Realm realm, UserSession session, string issuer, CancellationToken cancellationToken = default)
    {
        var clients = session.ClientIds.Select(realm.FindClient).OfType<RealmClient>().Where(c => c.BackchannelLogoutUrl is not null);
        await Task.WhenAll(clients.Select(client => SendAsync(client, session, issuer, cancellationToken)));
    }

    public string CreateLogoutToken(RealmClient client, UserSession session, string issuer)
    {
        var now = time.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(2).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
            ["iss"] = issuer,
            ["aud"] = client.ClientId,
            ["sub"] = session.UserId,
            ["typ"] = "Logout",
            ["events"] = new Dictionary<string, object> { ["http://schemas.openid.net/event/backchannel-logout"] = new Dictionary<string, object>() },
        };
        if (client.BackchannelLogoutSessionRequired)
        {
            claims["sid"] = session.Id;
        }
        return Tokens.CreateToken(new SecurityTokenDescriptor { Claims = claims, SigningCredentials = keys.SigningCredentials, TokenType = "logout+jwt" });
    }

    private async Task SendAsync(RealmClient client, UserSession session, string issuer, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(client.BackchannelLogoutUrl,
                new FormUrlEncodedContent([KeyValuePair.Create("logout_token", CreateLogoutToken(client, session, issuer))]), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Back-channel logout of client {Client} answered {Status}", client.ClientId, (int)response.StatusCode);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // As Keycloak: the session ends anyway; a client that cannot be reached is logged, not retried forever.
            logger.LogWarning("Back-channel logout of client {Client} failed: {Reason}", client.ClientId, e.Message);
        }
    }
}

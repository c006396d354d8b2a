using RealGuard.Testing;
namespace RealGuard.Gateway.Tests.Infrastructure;

internal static class Tokens
{
    /// <summary>
    /// A genuine token of a client whose tokens live one second, returned once it is past its expiry and the
    /// validator's five-second clock skew.
    /// </summary>
    public static async Task<string> ExpiredAsync(ApiCaller api)
    {
        var token = await api.ClientTokenAsync(TestClients.ShortLived);
        var rejectedFrom = Jwt.ExpiresAt(token).AddSeconds(6);
        if (rejectedFrom > DateTimeOffset.UtcNow)
        {
            await Task.Delay(rejectedFrom - DateTimeOffset.UtcNow);
        }

        return token;
    }
}

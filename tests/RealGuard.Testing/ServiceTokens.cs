using Duende.IdentityModel.Client;

namespace RealGuard.Testing;

/// <summary>Tokens a service (or any confidential client) gets for itself.</summary>
public static class ServiceTokens
{
    /// <summary>A client-credentials access token of <paramref name="clientId"/> from the realm at <paramref name="authority"/>.</summary>
    /// <param name="authority">The realm URL, e.g. <c>http://localhost:8080/realms/realguard</c>.</param>
    public static async Task<string> ClientCredentialsAsync(string authority, string clientId, string clientSecret, string? scope = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var disco = await Discovery.GetAsync(http, authority);
        var response = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint,
            ClientId = clientId,
            ClientSecret = clientSecret,
            Scope = scope,
        });
        if (response.IsError || response.AccessToken is null)
        {
            throw new InvalidOperationException(
                $"Client credentials for {clientId} failed: {(int)response.HttpStatusCode} {response.Error} {response.ErrorDescription}");
        }

        return response.AccessToken;
    }
}

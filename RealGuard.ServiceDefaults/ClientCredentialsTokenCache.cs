using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RealGuard.ServiceDefaults;

/// <summary>One token per service, refreshed shortly before it expires; one request at a time however many callers wait.</summary>
public sealed class ClientCredentialsTokenCache(IHttpClientFactory httpClients, IOptions<KeycloakOptions> keycloakOptions, TimeProvider time,
    ILogger<ClientCredentialsTokenCache> logger)
{
    public const string HttpClientName = "keycloak-token";
    private static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _current;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } cached && time.GetUtcNow() < cached.ExpiresAt - RefreshBeforeExpiry)
        {
            return cached.Token;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } fresh && time.GetUtcNow() < fresh.ExpiresAt - RefreshBeforeExpiry)
            {
                return fresh.Token;
            }
            var keycloak = keycloakOptions.Value;
            var response = await httpClients.CreateClient(HttpClientName).RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
            {
                Address = keycloak.TokenEndpoint.AbsoluteUri,
                ClientId = keycloak.ClientId!,
                ClientSecret = keycloak.ClientSecret,
            }, cancellationToken);
            if (response.IsError || response.AccessToken is null)
            {
                logger.LogWarning("Client-credentials token request failed: {Error}", response.Error);
                throw new HttpRequestException($"The IAM refused the service's token request: {response.Error}");
            }
            _current = (response.AccessToken, time.GetUtcNow().AddSeconds(response.ExpiresIn));
            return response.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }
}

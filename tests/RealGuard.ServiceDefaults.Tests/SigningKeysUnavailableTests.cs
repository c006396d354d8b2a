using System.Net;
using RealGuard.ServiceDefaults.Tests.Infrastructure;
using RealGuard.Testing;

namespace RealGuard.ServiceDefaults.Tests;

/// <summary>
/// A service started while the IAM is down has no signing keys: a valid token cannot be checked, which is not the
/// token's fault. 503 with Retry-After (the client keeps its token), not 401 invalid_token (the client would drop it).
/// </summary>
public sealed class SigningKeysUnavailableTests
{
    [Fact]
    public async Task A_valid_token_gets_503_with_Retry_After_while_the_keys_cannot_be_fetched()
    {
        using var realmKey = new SigningKey("realm-key-1");
        var keycloak = await FakeKeycloak.StartAsync(realmKey);
        var (authServerUrl, issuer) = (keycloak.BaseUrl, keycloak.Issuer);
        await keycloak.DisposeAsync(); // the IAM is down before the service has fetched any key
        await using var api = await ResourceServer.StartAsync(authServerUrl);
        var token = KeycloakTokens.Sign(KeycloakTokens.AdminAccessToken(issuer), realmKey);

        // Every request while it lasts, not only the one that tried the fetch.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await api.GetAsync("/me", token);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
            Assert.Empty(response.Headers.WwwAuthenticate);
            var problem = await ResponseAssert.ProblemAsync(response, 503, "Service Unavailable");
            Assert.Contains("signing keys", problem.GetProperty("detail").GetString());
            Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_a_token_the_answer_stays_401_while_the_keys_cannot_be_fetched()
    {
        using var realmKey = new SigningKey("realm-key-1");
        var keycloak = await FakeKeycloak.StartAsync(realmKey);
        var authServerUrl = keycloak.BaseUrl;
        await keycloak.DisposeAsync();
        await using var api = await ResourceServer.StartAsync(authServerUrl);

        using var response = await api.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task A_token_signed_by_a_foreign_key_stays_401_when_the_keys_are_cached()
    {
        await using var stack = await KeycloakStack.StartAsync();
        using var foreignKey = new SigningKey("foreign");
        var token = KeycloakTokens.Sign(KeycloakTokens.AdminAccessToken(stack.Issuer), foreignKey);

        await ResponseAssert.InvalidTokenAsync(await stack.Api.GetAsync("/me", token), token, "The access token signature is invalid.");
    }
}

using System.Net;
using RealGuard.ServiceDefaults.Tests.Infrastructure;

namespace RealGuard.ServiceDefaults.Tests;

// Each test starts its own issuer and resource server: JWKS fetch counts and the refresh throttle are per server.
public sealed class SigningKeyRefreshTests
{
    [Fact]
    public async Task Burst_of_valid_requests_uses_the_cached_key_set()
    {
        await using var stack = await KeycloakStack.StartAsync();
        var warmUp = await stack.Api.GetAsync("/me", Sign(stack, stack.RealmKey));
        Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        Assert.Equal(1, stack.Keycloak.JwksRequests);

        var tokens = Enumerable.Range(0, 50).Select(_ => Sign(stack, stack.RealmKey)).ToList();
        var responses = await Task.WhenAll(tokens.Select(token => stack.Api.GetAsync("/me", token)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(1, stack.Keycloak.JwksRequests);
        Assert.Equal(1, stack.Keycloak.MetadataRequests);
    }

    [Fact]
    public async Task Unknown_kid_is_rejected_and_refetches_the_key_set_once()
    {
        await using var stack = await KeycloakStack.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await stack.Api.GetAsync("/me", Sign(stack, stack.RealmKey))).StatusCode);
        Assert.Equal(1, stack.Keycloak.JwksRequests);

        // A stream of forged kids: the first triggers one refetch, the rest fall inside the refresh interval.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var forged = new SigningKey($"forged-{attempt}");
            var token = Sign(stack, forged);

            await ResponseAssert.InvalidTokenAsync(await stack.Api.GetAsync("/me", token), token, "The access token signature is invalid.");
        }

        Assert.Equal(2, stack.Keycloak.JwksRequests);
    }

    [Fact]
    public async Task Key_published_after_the_key_set_was_cached_is_accepted_on_first_use()
    {
        await using var stack = await KeycloakStack.StartAsync();
        using var rotatedKey = new SigningKey("realm-key-2");
        Assert.Equal(HttpStatusCode.OK, (await stack.Api.GetAsync("/me", Sign(stack, stack.RealmKey))).StatusCode);
        Assert.Equal(1, stack.Keycloak.JwksRequests);

        stack.Keycloak.Publish(rotatedKey, stack.RealmKey);
        var response = await stack.Api.GetAsync("/me", Sign(stack, rotatedKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stack.Keycloak.JwksRequests);
        Assert.Equal(HttpStatusCode.OK, (await stack.Api.GetAsync("/me", Sign(stack, stack.RealmKey))).StatusCode);
        Assert.Equal(2, stack.Keycloak.JwksRequests);
    }

    private static string Sign(KeycloakStack stack, SigningKey key)
        => KeycloakTokens.Sign(KeycloakTokens.AdminAccessToken(stack.Issuer), key);
}

using System.Net;
using RealGuard.Gateway.Tests.Infrastructure;
using RealGuard.Testing;
using static RealGuard.AppHost.StackResources;

namespace RealGuard.Gateway.Tests.Edge;

/// <summary>
/// The gateway restarted while the IAM is down has no signing keys: a valid token cannot be checked. It answers 503
/// with Retry-After (the client keeps its token) rather than 401 invalid_token, forwards nothing, and accepts the same
/// token once the IAM is back, without a restart.
/// </summary>
[Collection(EdgeStackCollection.Name)]
public sealed class ColdSigningKeysTests(EdgeStack edge)
{
    [Fact]
    public async Task Restarted_while_the_IAM_is_down_a_valid_token_gets_503_with_Retry_After_until_the_keys_can_be_fetched()
    {
        var bearer = ApiCaller.Bearer(await edge.Api.ClientTokenAsync(TestClients.Acme));
        var marker = "probe=" + Guid.NewGuid().ToString("N");

        await edge.Stack.StopPartAsync(Keycloak);
        try
        {
            await edge.Stack.RestartPartAsync(EdgeStack.Gateway);

            using var response = await edge.Api.GetAsync($"/securitysystems?{marker}", bearer);

            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
            Assert.Empty(response.Headers.WwwAuthenticate);
            Assert.Contains("signing keys", problem.GetProperty("detail").GetString());
            Assert.Empty(edge.SecuritySystems.ReceivedWith(marker));
        }
        finally
        {
            await edge.Stack.StartPartAsync(Keycloak);
        }

        // The key fetch is retried on the validator's own backoff (1 s, doubling): await the first 200.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var response = await edge.Api.GetAsync($"/securitysystems?{marker}", bearer);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"Expected 503 until the keys can be fetched, got {(int)response.StatusCode}.");
            Assert.True(DateTime.UtcNow < deadline, "Still 503 90 s after the IAM came back.");
            await Task.Delay(500);
        }
    }
}

using System.Net;
using RealGuard.Gateway.Tests.Infrastructure;
using RealGuard.Testing;
using static RealGuard.AppHost.StackResources;

namespace RealGuard.Gateway.Tests.Edge;

[Collection(EdgeStackCollection.Name)]
public sealed class RateLimitAndIamTests(EdgeStack edge)
{
    private ApiCaller Api => edge.Api;

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_Retry_After_and_other_clients_are_not_affected()
    {
        var marker = Marker();
        var credentials = ApiCaller.Basic(TestClients.Limited, TestClients.SecretOf(TestClients.Limited));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < TestClients.RateLimit + 3; i++)
        {
            var response = await Api.GetAsync($"/securitysystems?{marker}", credentials);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected ??= response;
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, TestClients.RateLimit), statuses.Take(TestClients.RateLimit));
        Assert.All(statuses.Skip(TestClients.RateLimit), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        await ProblemAssert.IsProblemAsync(rejected!, HttpStatusCode.TooManyRequests);
        var retryAfter = rejected!.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TestClients.RateWindow);
        Assert.Equal(TestClients.RateLimit, edge.SecuritySystems.ReceivedWith(marker).Count);

        using var other = await Api.GetAsync("/securitysystems", ApiCaller.Basic(TestClients.Acme, TestClients.AcmeSecret));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_burst_of_requests_costs_one_token_request_for_the_client_and_no_key_fetch()
    {
        // Warm: the gateway has fetched the realm's keys (any validated token does it).
        using (var warm = await Api.GetAsync("/securitysystems", ApiCaller.Bearer(await Api.ClientTokenAsync(TestClients.Acme))))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var bearer = ApiCaller.Bearer(await Api.ClientTokenAsync(TestClients.Acme));
        var basic = ApiCaller.Basic(TestClients.Burst, TestClients.SecretOf(TestClients.Burst));
        var iamLog = await IamRequests.MarkAsync(edge.Log, edge.Authority);

        // 200 requests, 20 at a time, half with credentials the gateway has never exchanged before, half with a token.
        var statuses = new List<HttpStatusCode>();
        for (var wave = 0; wave < 10; wave++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
                Api.GetAsync("/securitysystems", i % 2 == 0 ? basic : bearer)));
            statuses.AddRange(responses.Select(response => response.StatusCode));
            Array.ForEach(responses, response => response.Dispose());
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        var iam = await IamRequests.ReceivedSinceAsync(edge.Log, iamLog, edge.Authority);
        Assert.True(iam.Urls.Count == 1 && iam.TokenRequestsOf(TestClients.Burst) == 1, $"Expected one token request at the IAM, got: {iam}");
    }

    [Fact]
    public async Task While_the_IAM_is_down_Bearer_tokens_still_work_and_credentials_that_need_checking_get_503()
    {
        var bearer = ApiCaller.Bearer(await Api.ClientTokenAsync(TestClients.Acme));
        using (var warm = await Api.GetAsync("/securitysystems", bearer))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        await edge.Stack.StopPartAsync(Keycloak);
        try
        {
            using var withToken = await Api.GetAsync("/securitysystems", bearer);
            Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);

            using var withCredentials = await Api.GetAsync("/securitysystems", ApiCaller.Basic(TestClients.Acme, "never-exchanged-secret"));
            await ProblemAssert.IsProblemAsync(withCredentials, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(withCredentials.Headers.RetryAfter);
        }
        finally
        {
            await edge.Stack.StartPartAsync(Keycloak);
        }
    }

    private static string Marker() => "probe=" + Guid.NewGuid().ToString("N");
}

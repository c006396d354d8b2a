using System.Net;
using System.Text.Json;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;
using RealGuard.Gateway.Tests.Infrastructure;
using RealGuard.Testing;
using static RealGuard.AppHost.StackResources;

namespace RealGuard.Gateway.Tests.EndToEnd;

/// <summary>API clients through the gateway to the real services, with the realm's own clients and demo data.</summary>
[Collection(RealStackCollection.Name)]
public sealed class GatewayEndToEndTests(RealStack real)
{
    private const string AcmeHq = "c0000000-0000-0000-0000-000000000001";
    private const string GlobexLab = "c0000000-0000-0000-0000-000000000002";
    private const string AcmeHqLocation = "b0000000-0000-0000-0000-000000000001";

    private ApiCaller Api => real.Api;

    [Fact]
    public async Task Acme_integration_with_its_client_credentials_lists_the_security_systems_it_may_see()
    {
        using var response = await Api.GetAsync("/securitysystems", ApiCaller.Basic(TestClients.Acme, TestClients.AcmeSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = await SecuritySystemIdsAsync(response);
        Assert.Contains(AcmeHq, ids); // its service account views Acme HQ (demo data)
        Assert.DoesNotContain(GlobexLab, ids);
    }

    [Fact]
    public async Task A_mobile_user_signed_in_with_code_flow_and_PKCE_uses_the_API_with_their_own_token()
    {
        var tokens = await UserTokens.LoginAsync(Api.Authority, DemoUsers.Bob.UserName, DemoUsers.Bob.Password,
            clientId: "realguard-mobile", clientSecret: null, redirectUri: "http://127.0.0.1/callback", scope: "openid profile");
        Assert.Equal("realguard-mobile", Jwt.Payload(tokens.AccessToken)["azp"]!.GetValue<string>());

        using var response = await Api.GetAsync("/securitysystems", ApiCaller.Bearer(tokens.AccessToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var acmeHq = Assert.Single(body.RootElement.GetProperty("securitySystems").EnumerateArray());
        Assert.Equal(AcmeHq, acmeHq.GetProperty("id").GetString());
        Assert.Contains("ARM", acmeHq.GetProperty("actions").EnumerateArray().Select(action => action.GetString()));
    }

    public static TheoryData<string> RejectedTokens => ["expired", "tampered", "signed by another key", "alg none", "wrong audience"];

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task A_token_that_is_not_valid_for_the_API_gets_401_at_the_gateway_and_the_service_never_sees_the_request(string kind)
    {
        var token = await TokenAsync(kind);
        var marker = Marker();

        using var response = await Api.GetAsync($"/securitysystems?{marker}", ApiCaller.Bearer(token));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("error=\"invalid_token\"", Assert.Single(response.Headers.WwwAuthenticate).Parameter);
        Assert.False(await real.SecuritySystemServiceSawAsync(marker, await ControlRequestAsync()), $"security-system-service received {marker}");
    }

    [Fact]
    public async Task A_caller_without_the_permission_gets_403_at_the_gateway_and_the_service_never_sees_the_request()
    {
        var marker = Marker();

        using var response = await Api.SendAsync(HttpMethod.Post, $"/securitysystems?{marker}", ApiCaller.Basic(TestClients.Acme, TestClients.AcmeSecret),
            content: new StringContent($$"""{"locationId":"{{AcmeHqLocation}}"}""", null, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("securitysystems:create", problem.GetProperty("detail").GetString());
        Assert.False(await real.SecuritySystemServiceSawAsync(marker, await ControlRequestAsync()), $"security-system-service received {marker}");
    }

    [Fact]
    public async Task A_burst_over_the_clients_limit_gets_429_with_Retry_After()
    {
        var credentials = ApiCaller.Basic(TestClients.Limited, TestClients.SecretOf(TestClients.Limited));

        var responses = await Task.WhenAll(Enumerable.Range(0, TestClients.RateLimit * 3).Select(_ => Api.GetAsync("/securitysystems", credentials)));

        Assert.Equal(TestClients.RateLimit, responses.Count(response => response.StatusCode == HttpStatusCode.OK));
        var rejected = responses.Where(response => response.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(TestClients.RateLimit * 2, rejected.Count);
        await ProblemAssert.IsProblemAsync(rejected[0], HttpStatusCode.TooManyRequests);
        Assert.All(rejected, response => Assert.NotNull(response.Headers.RetryAfter?.Delta));
        Array.ForEach(responses, response => response.Dispose());
    }

    [Fact]
    public async Task Validating_tokens_during_a_burst_never_calls_the_IAM_and_client_credentials_are_exchanged_once()
    {
        var bob = await UserTokens.LoginAsync(Api.Authority, DemoUsers.Bob.UserName, DemoUsers.Bob.Password,
            clientId: "realguard-mobile", clientSecret: null, redirectUri: "http://127.0.0.1/callback", scope: "openid profile");
        var bearer = ApiCaller.Bearer(bob.AccessToken);
        var basic = ApiCaller.Basic(TestClients.Burst, TestClients.SecretOf(TestClients.Burst));
        using (var warm = await Api.GetAsync("/securitysystems", bearer))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var iamLog = await IamRequests.MarkAsync(real.Log, Api.Authority);
        var statuses = new List<HttpStatusCode>();
        for (var wave = 0; wave < 10; wave++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Api.GetAsync("/securitysystems", i % 2 == 0 ? basic : bearer)));
            statuses.AddRange(responses.Select(response => response.StatusCode));
            Array.ForEach(responses, response => response.Dispose());
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        var iam = await IamRequests.ReceivedSinceAsync(real.Log, iamLog, Api.Authority);
        Assert.True(iam.KeyRequests == 0 && iam.TokenRequests == 1 && iam.TokenRequestsOf(TestClients.Burst) == 1,
            $"Expected one token request (for {TestClients.Burst}) and no key fetch at the IAM, got: {iam}");
    }

    private async Task<string> ControlRequestAsync()
    {
        var control = Marker();
        using var response = await Api.GetAsync($"/securitysystems?{control}", ApiCaller.Basic(TestClients.Acme, TestClients.AcmeSecret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return control;
    }

    private async Task<string> TokenAsync(string kind)
    {
        var genuine = await Api.ClientTokenAsync(TestClients.Acme);
        return kind switch
        {
            "expired" => await Tokens.ExpiredAsync(Api),
            "tampered" => Jwt.WithTamperedPayload(genuine, payload => payload["realm_access"] = new System.Text.Json.Nodes.JsonObject
            {
                ["roles"] = new System.Text.Json.Nodes.JsonArray("REALGUARDIO_ADMIN"),
            }),
            "signed by another key" => Jwt.SignedByAnotherKey(genuine),
            "alg none" => Jwt.Unsigned(genuine),
            "wrong audience" => await Api.ClientTokenAsync(TestClients.NoAudience),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static async Task<List<string?>> SecuritySystemIdsAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("securitySystems").EnumerateArray().Select(system => system.GetProperty("id").GetString())];
    }

    private static string Marker() => "probe=" + Guid.NewGuid().ToString("N");
}

using System.Net;
using RealGuard.Gateway.Tests.Infrastructure;
using RealGuard.Testing;

namespace RealGuard.Gateway.Tests.Edge;

/// <summary>Who gets through the gateway, and what the service then receives as the caller's identity.</summary>
[Collection(EdgeStackCollection.Name)]
public sealed class AuthenticationTests(EdgeStack edge)
{
    private ApiCaller Api => edge.Api;

    [Fact]
    public async Task Client_credentials_are_exchanged_for_a_token_and_the_service_receives_that_token_never_the_secret()
    {
        var marker = Marker();

        using var response = await Api.GetAsync($"/securitysystems?{marker}", ApiCaller.Basic(TestClients.Acme, TestClients.AcmeSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(edge.SecuritySystems.ReceivedWith(marker));
        var authorization = received.Header("Authorization");
        Assert.StartsWith("Bearer ", authorization);
        var token = authorization!["Bearer ".Length..];
        Assert.Equal(TestClients.Acme, Jwt.Payload(token)["azp"]!.GetValue<string>());
        Assert.Contains("realguard-api", Jwt.Payload(token)["aud"]!.ToJsonString());
        Assert.DoesNotContain(received.Headers, header =>
            header.Value.Contains(TestClients.AcmeSecret, StringComparison.Ordinal) || header.Value.StartsWith("Basic", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_Bearer_token_is_forwarded_exactly_as_presented()
    {
        var token = await Api.ClientTokenAsync(TestClients.Acme);
        var marker = Marker();

        using var response = await Api.GetAsync($"/customers?{marker}", ApiCaller.Bearer(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Bearer {token}", Assert.Single(edge.Customers.ReceivedWith(marker)).Header("Authorization"));
    }

    [Theory]
    [InlineData(TestClients.Acme, "wrong-secret")]
    [InlineData("no-such-client", "any-secret")]
    [InlineData(TestClients.NoAudience, "")]
    public async Task Wrong_client_credentials_get_401_and_nothing_reaches_a_service(string clientId, string secret)
    {
        // The no-audience client's credentials are right, but its token is not for realguard-api.
        secret = secret.Length == 0 ? TestClients.SecretOf(clientId) : secret;
        var marker = Marker();

        using var response = await Api.GetAsync($"/securitysystems?{marker}", ApiCaller.Basic(clientId, secret));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Empty(edge.SecuritySystems.ReceivedWith(marker));
    }

    [Fact]
    public async Task Guessing_a_clients_secret_is_stopped_with_429_and_the_IAM_is_not_asked_any_more()
    {
        var guesser = ApiCaller.Basic("guessed-client-" + Marker(), "guess");
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var refused = await Api.GetAsync("/securitysystems", guesser);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        var iamLog = await IamRequests.MarkAsync(edge.Log, edge.Authority);
        var marker = Marker();

        using var response = await Api.GetAsync($"/securitysystems?{marker}", guesser);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(edge.SecuritySystems.ReceivedWith(marker));
        var iam = await IamRequests.ReceivedSinceAsync(edge.Log, iamLog, edge.Authority);
        Assert.True(iam.TokenRequests == 0, $"The IAM was asked: {iam}");
    }

    [Fact]
    public async Task Malformed_Basic_credentials_get_401_without_asking_the_IAM()
    {
        var marker = Marker();
        var iamLog = await IamRequests.MarkAsync(edge.Log, edge.Authority);

        using var response = await Api.GetAsync($"/securitysystems?{marker}", new("Basic", "bm8tY29sb24taGVyZQ=="));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(edge.SecuritySystems.ReceivedWith(marker));
        var iam = await IamRequests.ReceivedSinceAsync(edge.Log, iamLog, edge.Authority);
        Assert.True(iam.TokenRequests == 0, $"The IAM was asked: {iam}");
    }

    public static TheoryData<string> RejectedTokens => ["none", "expired", "tampered", "signed by another key", "alg none", "wrong audience", "not a JWT"];

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task A_token_the_realm_did_not_issue_for_this_API_now_gets_401_at_the_gateway(string kind)
    {
        var token = await TokenAsync(kind);
        var marker = Marker();

        using var response = await Api.GetAsync($"/securitysystems?{marker}", token is null ? null : ApiCaller.Bearer(token));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        if (token is not null)
        {
            Assert.Contains("error=\"invalid_token\"", challenge.Parameter);
        }

        Assert.Empty(edge.SecuritySystems.ReceivedWith(marker));
    }

    private async Task<string?> TokenAsync(string kind)
    {
        var genuine = await Api.ClientTokenAsync(TestClients.Acme);
        return kind switch
        {
            "none" => null,
            "expired" => await Tokens.ExpiredAsync(Api),
            "tampered" => Jwt.WithTamperedPayload(genuine, payload => payload["realm_access"] = new System.Text.Json.Nodes.JsonObject
            {
                ["roles"] = new System.Text.Json.Nodes.JsonArray("REALGUARDIO_ADMIN"),
            }),
            "signed by another key" => Jwt.SignedByAnotherKey(genuine),
            "alg none" => Jwt.Unsigned(genuine),
            "wrong audience" => await Api.ClientTokenAsync(TestClients.NoAudience),
            "not a JWT" => "not-a-jwt",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static string Marker() => "probe=" + Guid.NewGuid().ToString("N");
}

using System.Net;
using System.Text;
using RealGuard.Gateway.Tests.Infrastructure;
using RealGuard.Testing;

namespace RealGuard.Gateway.Tests.Hostile;

/// <summary>
/// A newcomer's hostile-input suite, run from the outside against a running stack (see <see cref="HostileTarget"/>):
/// forged tokens, wrong credentials, spoofed identity headers, malformed and oversized bodies, another customer's data.
/// Every answer is the right 4xx as RFC 9457 problem details; never a 5xx. docs/security.md lists what each answers.
/// </summary>
public sealed class HostileInputTests(HostileTarget target) : IClassFixture<HostileTarget>
{
    private const string AcmeHqSystem = "c0000000-0000-0000-0000-000000000001";
    private const string GlobexLabSystem = "c0000000-0000-0000-0000-000000000002";

    private ApiCaller Api => target.Api;

    public static TheoryData<string> ForgedTokens => ["tampered roles", "alg none", "signed by another key", "not a JWT", "empty signature"];

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task A_forged_token_gets_401_invalid_token(string kind)
    {
        var genuine = await Api.ClientTokenAsync(TestClients.Acme);
        var token = kind switch
        {
            "tampered roles" => Jwt.WithTamperedPayload(genuine, payload => payload["realm_access"] = new System.Text.Json.Nodes.JsonObject
            {
                ["roles"] = new System.Text.Json.Nodes.JsonArray("REALGUARDIO_ADMIN"),
            }),
            "alg none" => Jwt.Unsigned(genuine),
            "signed by another key" => Jwt.SignedByAnotherKey(genuine),
            "not a JWT" => "not-a-jwt",
            "empty signature" => genuine[..(genuine.LastIndexOf('.') + 1)],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        using var response = await Api.GetAsync("/securitysystems", ApiCaller.Bearer(token));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", Assert.Single(response.Headers.WwwAuthenticate).Parameter);
        Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_client_secret_gets_401_and_the_secret_is_not_echoed()
    {
        const string secret = "guessed-secret-0000";
        using var response = await Api.GetAsync("/securitysystems", ApiCaller.Basic(TestClients.Acme, secret));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_customers_security_system_is_not_found_and_identity_headers_do_not_change_who_asks()
    {
        var bearer = ApiCaller.Bearer(await Api.ClientTokenAsync(TestClients.Acme));

        using var response = await Api.GetAsync($"/securitysystems/{GlobexLabSystem}", bearer, request =>
        {
            request.Headers.Add("X-User-Id", "admin");
            request.Headers.Add("X-Forwarded-User", "admin");
            request.Headers.Add("X-HTTP-Method-Override", "DELETE");
        });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "application/json", "{\"action\":" },
        { "application/json", "[1,2,3]" },
        { "application/json", "{\"action\":\"SELF_DESTRUCT\"}" },
        { "application/json", "{\"action\":null}" },
        { "text/plain", "ARM" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_malformed_body_is_a_4xx_problem_never_a_5xx(string contentType, string body)
    {
        var bearer = ApiCaller.Bearer(await Api.ClientTokenAsync(TestClients.Acme));

        using var response = await Api.SendAsync(HttpMethod.Put, $"/securitysystems/{AcmeHqSystem}", bearer,
            content: new StringContent(body, Encoding.UTF8, contentType));

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{contentType} {body} → {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact(Skip = "The gateway answers 413 and closes while the client still sends: the client sees a broken pipe, not the answer (test to rework)")]
    public async Task A_body_over_a_mebibyte_is_refused_with_413_before_it_reaches_a_service()
    {
        var bearer = ApiCaller.Bearer(await Api.ClientTokenAsync(TestClients.Acme));

        using var response = await Api.SendAsync(HttpMethod.Put, $"/securitysystems/{AcmeHqSystem}", bearer,
            content: new StringContent($"{{\"action\":\"{new string('A', 1_100_000)}\"}}", Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}

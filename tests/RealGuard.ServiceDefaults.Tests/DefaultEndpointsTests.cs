using System.Net;
using RealGuard.ServiceDefaults.Tests.Infrastructure;

namespace RealGuard.ServiceDefaults.Tests;

// The resource server runs in Production with a deny-by-default authorization policy.
public sealed class DefaultEndpointsTests(KeycloakStack stack) : IClassFixture<KeycloakStack>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_endpoints_answer_anonymously_in_production(string path)
    {
        var response = await stack.Api.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Other_endpoints_stay_behind_the_fallback_policy()
    {
        var response = await stack.Api.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

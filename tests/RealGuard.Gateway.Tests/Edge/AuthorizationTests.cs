using System.Net;
using RealGuard.Gateway.Tests.Infrastructure;
using RealGuard.Testing;

namespace RealGuard.Gateway.Tests.Edge;

/// <summary>The permission check at the edge: what a caller's roles allow, and what the gateway does not expose.</summary>
[Collection(EdgeStackCollection.Name)]
public sealed class AuthorizationTests(EdgeStack edge)
{
    private ApiCaller Api => edge.Api;

    [Theory]
    [InlineData(TestClients.Acme, "POST", "/securitysystems", "securitysystems:create")]
    [InlineData(TestClients.Acme, "POST", "/customers", "customers:create")]
    [InlineData(TestClients.Acme, "POST", "/securitysystems/c0000000-0000-0000-0000-000000000001/alarms", "alarms:raise")]
    [InlineData(TestClients.Device, "GET", "/securitysystems", "securitysystems:read")]
    public async Task A_caller_without_the_permission_gets_403_naming_it_and_nothing_reaches_a_service(
        string clientId, string method, string path, string permission)
    {
        var marker = Marker();

        using var response = await Api.SendAsync(new HttpMethod(method), $"{path}?{marker}",
            ApiCaller.Basic(clientId, TestClients.SecretOf(clientId)), content: new StringContent("{}", null, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains($"'{permission}'", problem.GetProperty("detail").GetString());
        Assert.All(edge.Services, service => Assert.Empty(service.ReceivedWith(marker)));
    }

    [Fact]
    public async Task A_caller_with_the_permission_is_forwarded_with_method_path_query_and_body()
    {
        var marker = Marker();

        using var response = await Api.SendAsync(HttpMethod.Post, $"/securitysystems/c0000000-0000-0000-0000-000000000001/alarms?{marker}",
            ApiCaller.Basic(TestClients.Device, TestClients.DeviceSecret), content: new StringContent("""{"zone":1}""", null, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(edge.SecuritySystems.ReceivedWith(marker));
        Assert.Equal("POST", received.Method);
        Assert.Equal($"/securitysystems/c0000000-0000-0000-0000-000000000001/alarms?{marker}", received.PathAndQuery);
        Assert.Equal(10, received.BodyLength);
    }

    [Theory]
    [InlineData("POST", "/notifications/events")]
    [InlineData("DELETE", "/customers/a0000000-0000-0000-0000-000000000001")]
    [InlineData("GET", "/customers/a0000000-0000-0000-0000-000000000001/anything-else")]
    [InlineData("GET", "/health/../customers/x/y")]
    public async Task A_route_no_permission_covers_is_404_even_for_an_administrator_of_everything_else(string method, string path)
    {
        var marker = Marker();

        using var response = await Api.SendAsync(new HttpMethod(method), $"{path}?{marker}",
            ApiCaller.Basic(TestClients.Acme, TestClients.AcmeSecret), content: new StringContent("{}", null, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.All(edge.Services, service => Assert.Empty(service.ReceivedWith(marker)));
    }

    [Fact]
    public async Task A_path_outside_the_routed_services_is_404()
    {
        using var response = await Api.GetAsync("/admin/realms/realguard/users", ApiCaller.Basic(TestClients.Acme, TestClients.AcmeSecret));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_anonymous_caller_learns_nothing_about_routes_it_gets_401_before_404()
    {
        using var response = await Api.GetAsync("/customers/x/no-such-route", authorization: null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    private static string Marker() => "probe=" + Guid.NewGuid().ToString("N");
}

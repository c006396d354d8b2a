using System.Diagnostics;
using System.Net;
using RealGuard.Gateway.Tests.Infrastructure;
using RealGuard.Testing;

namespace RealGuard.Gateway.Tests.Edge;

/// <summary>What a forwarded request carries, and what comes back.</summary>
[Collection(EdgeStackCollection.Name)]
public sealed class ForwardingTests(EdgeStack edge)
{
    private ApiCaller Api => edge.Api;

    [Fact]
    public async Task Headers_that_could_spoof_an_identity_are_removed_and_X_Forwarded_headers_are_the_gateways()
    {
        var marker = Marker();

        using var response = await Api.GetAsync($"/securitysystems?{marker}", ApiCaller.Basic(TestClients.Acme, TestClients.AcmeSecret), request =>
        {
            request.Headers.Add("X-User-Id", "50ae44a6-0330-58d0-aaef-6252d97dd7bd");
            request.Headers.Add("X-User-Roles", "REALGUARDIO_ADMIN");
            request.Headers.Add("X-Client-Id", "realguard-web");
            request.Headers.Add("X-Forwarded-User", "admin");
            request.Headers.Add("X-Auth-Request-User", "admin");
            request.Headers.Add("X-HTTP-Method-Override", "DELETE");
            request.Headers.Add("X-Forwarded-For", "10.6.6.6");
            request.Headers.Add("X-Forwarded-Host", "evil.example");
            request.Headers.Add("X-Request-Id", "kept");
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(edge.SecuritySystems.ReceivedWith(marker));
        foreach (var spoofed in new[] { "X-User-Id", "X-User-Roles", "X-Client-Id", "X-Forwarded-User", "X-Auth-Request-User", "X-HTTP-Method-Override" })
        {
            Assert.Null(received.Header(spoofed));
        }

        Assert.Equal("127.0.0.1", received.Header("X-Forwarded-For"));
        Assert.Equal(new Uri(edge.GatewayUrl).Authority, received.Header("X-Forwarded-Host"));
        Assert.Equal("http", received.Header("X-Forwarded-Proto"));
        Assert.Equal("kept", received.Header("X-Request-Id"));
    }

    [Fact]
    public async Task The_callers_trace_continues_at_the_service()
    {
        var caller = ActivityTraceId.CreateRandom();
        var marker = Marker();

        using var response = await Api.GetAsync($"/customers?{marker}", ApiCaller.Basic(TestClients.Acme, TestClients.AcmeSecret), request =>
            request.Headers.Add("traceparent", $"00-{caller}-{ActivitySpanId.CreateRandom()}-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var traceparent = Assert.Single(edge.Customers.ReceivedWith(marker)).Header("traceparent");
        Assert.NotNull(traceparent);
        Assert.Equal(caller.ToString(), traceparent.Split('-')[1]);
    }

    [Theory]
    [InlineData("/customers", "customer-service")]
    [InlineData("/me/locations", "customer-service")]
    [InlineData("/locations/b0000000-0000-0000-0000-000000000001/roles", "customer-service")]
    [InlineData("/securitysystems/c0000000-0000-0000-0000-000000000001/audit", "security-system-service")]
    public async Task Each_route_goes_to_its_service_under_the_same_path(string path, string service)
    {
        var marker = Marker();

        using var response = await Api.GetAsync($"{path}?{marker}", ApiCaller.Basic(TestClients.Acme, TestClients.AcmeSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receiver = edge.Services.Single(candidate => candidate.ReceivedWith(marker).Count > 0);
        Assert.Equal(service, receiver.Name);
        Assert.Equal($"{path}?{marker}", Assert.Single(receiver.ReceivedWith(marker)).PathAndQuery);
    }

    [Theory]
    [InlineData("404")]
    [InlineData("409")]
    [InlineData("500")]
    public async Task A_services_error_reaches_the_client_unchanged(string status)
    {
        using var response = await Api.GetAsync($"/customers?respond={status}", ApiCaller.Basic(TestClients.Acme, TestClients.AcmeSecret));

        Assert.Equal(int.Parse(status), (int)response.StatusCode);
        Assert.Equal(RecordingService.ServiceProblemBody.Replace("\"status\":0", $"\"status\":{status}"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_services_empty_error_stays_empty()
    {
        using var response = await Api.GetAsync("/customers?respond=404-empty", ApiCaller.Basic(TestClients.Acme, TestClients.AcmeSecret));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_service_that_cannot_be_reached_is_a_502_problem_from_the_gateway()
    {
        using var response = await Api.GetAsync("/notifications", ApiCaller.Basic(TestClients.Acme, TestClients.AcmeSecret));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadGateway);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413_before_anything_is_forwarded()
    {
        var marker = Marker();

        using var response = await Api.SendAsync(HttpMethod.Post, $"/securitysystems/c0000000-0000-0000-0000-000000000001/alarms?{marker}",
            ApiCaller.Basic(TestClients.Device, TestClients.DeviceSecret),
            content: new StringContent(new string('x', EdgeStack.MaxRequestBodySize + 1), null, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(edge.SecuritySystems.ReceivedWith(marker));
    }

    [Fact]
    public async Task A_chunked_body_over_the_size_limit_is_refused_with_413()
    {
        var content = new StreamContent(new MemoryStream(new byte[EdgeStack.MaxRequestBodySize * 4]));
        content.Headers.ContentType = new("application/json");

        using var response = await Api.SendAsync(HttpMethod.Post, "/securitysystems/c0000000-0000-0000-0000-000000000001/alarms",
            ApiCaller.Basic(TestClients.Device, TestClients.DeviceSecret), request => request.Headers.TransferEncodingChunked = true, content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private static string Marker() => "probe=" + Guid.NewGuid().ToString("N");
}

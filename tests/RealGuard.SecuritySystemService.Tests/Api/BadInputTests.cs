using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RealGuard.SecuritySystemService.Tests.Infrastructure;
using RealGuard.Testing;
using static RealGuard.SecuritySystemService.Tests.Infrastructure.DemoData;

namespace RealGuard.SecuritySystemService.Tests.Api;

/// <summary>
/// Bodies that bind badly or do not validate, over real HTTP: each is a problem naming its field, nothing changes,
/// and never a 500 (issue 15, input).
/// </summary>
[Collection(SecuritySystemStack.Collection)]
public sealed class BadInputTests(SecuritySystemStack stack)
{
    [Theory]
    [InlineData("""{"action":""}""", "action")]
    [InlineData("""{"action":["ARM"]}""", "action")]
    [InlineData("""{"action":{"name":"ARM"}}""", "action")]
    [InlineData("""{"action":"ARM","action":"DISARM"}""", "action")]
    [InlineData("""{"action":"ARM","Action":"DISARM"}""", "action")]
    [InlineData("[]", "body")]
    [InlineData("ARM", "body")]
    [InlineData("{\"action\":", "body")]
    public async Task Each_fault_in_an_action_names_its_field(string body, string field)
    {
        var before = await StateOfAcmeHqAsync();

        using var response = await stack.SendAsync(HttpMethod.Put, $"/securitysystems/{AcmeHqSystem}", "carol", body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await StateOfAcmeHqAsync());
    }

    [Fact]
    public async Task Fields_match_case_insensitively_as_aspnet_core_does()
    {
        // dave may only view: the action is read (so 403, not 400) whatever the case of its name.
        using var response = await stack.SendAsync(HttpMethod.Put, $"/securitysystems/{AcmeHqSystem}", "dave", """{"Action":"ARM"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task A_missing_location_is_named(string body)
    {
        using var response = await stack.SendAsync(HttpMethod.Post, "/securitysystems", "admin", body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "locationId");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_declared_json_is_415(string? contentType)
    {
        var before = await StateOfAcmeHqAsync();

        using var response = await stack.SendAsync(HttpMethod.Put, $"/securitysystems/{AcmeHqSystem}", "carol", adjust: request =>
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"action":"ARM"}"""));
            request.Content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
        });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await StateOfAcmeHqAsync());
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        var json = JsonSerializer.Serialize(new { action = new string('A', 16 * 1024) });

        using var response = await stack.SendAsync(HttpMethod.Put, $"/securitysystems/{AcmeHqSystem}", "carol", json);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_route_value_that_does_not_parse_is_never_passed_to_the_handler()
    {
        // {id:guid} keeps a non-GUID from matching at all: 404, whatever validation does to parse failures
        // (dotnet/aspnetcore#64341; ServiceDefaults.Tests covers a parameter without constraint).
        using var response = await stack.SendAsync(HttpMethod.Put, "/securitysystems/not-a-guid", "carol", """{"action":"DISARM"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>What a refused request must leave as it was: the state and its version (other tests may have moved it).</summary>
    private async Task<(string State, long Version)> StateOfAcmeHqAsync()
    {
        var system = await stack.GetAsync("carol", AcmeHqSystem);
        return (system.State, system.Version);
    }
}

using System.Net;
using RealGuard.SecuritySystemService.Tests.Infrastructure;
using RealGuard.Testing;
using static RealGuard.SecuritySystemService.Tests.Infrastructure.DemoData;

namespace RealGuard.SecuritySystemService.Tests.Api;

/// <summary>Who sees which security system, with which actions: location roles from customer-service, demo data.</summary>
[Collection(SecuritySystemStack.Collection)]
public sealed class ViewingTests(SecuritySystemStack stack) : IAsyncLifetime
{
    public async Task InitializeAsync() => await stack.DisarmAsync(AcmeHqSystem);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Bob_the_armer_sees_acme_hq_disarmed_with_arm_as_his_only_action()
    {
        var systems = await stack.ListAsync("bob");

        var acme = Assert.Single(systems, system => system.LocationId == AcmeHq);
        Assert.DoesNotContain(systems, system => system.LocationId == GlobexLab);
        Assert.Equal((AcmeHqSystem, AcmeHq, "Acme HQ", "DISARMED"), (acme.Id, acme.LocationId, acme.LocationName, acme.State));
        Assert.Equal(["ARM"], acme.Actions);
    }

    [Fact]
    public async Task Dave_the_viewer_sees_acme_hq_and_may_do_nothing()
    {
        var listed = Assert.Single(await stack.ListAsync("dave"));
        var single = await stack.GetAsync("dave", AcmeHqSystem);

        Assert.Equal(AcmeHqSystem, listed.Id);
        Assert.Empty(listed.Actions);
        Assert.Empty(single.Actions);
    }

    [Fact]
    public async Task A_single_system_carries_its_version_as_etag()
    {
        using var response = await stack.SendAsync(HttpMethod.Get, $"/securitysystems/{AcmeHqSystem}", "carol");
        var system = await SecuritySystemStack.ReadAsync<SecuritySystemView>(response);

        Assert.Equal($"\"{system.Version}\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Erin_of_globex_sees_her_lab_and_not_acme_hq_which_does_not_exist_for_her()
    {
        var systems = await stack.ListAsync("erin");

        var globex = Assert.Single(systems);
        Assert.Equal((GlobexLabSystem, "Globex Lab"), (globex.Id, globex.LocationName));
        Assert.DoesNotContain(systems, system => system.Id == AcmeHqSystem);

        using var get = await stack.SendAsync(HttpMethod.Get, $"/securitysystems/{AcmeHqSystem}", "erin");
        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.NotFound);
        using var audit = await stack.SendAsync(HttpMethod.Get, $"/securitysystems/{AcmeHqSystem}/audit", "erin");
        await ProblemAssert.IsProblemAsync(audit, HttpStatusCode.NotFound);
        using var put = await stack.PutActionAsync("erin", AcmeHqSystem, "ARM");
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_administrator_sees_every_system_and_holds_no_location_role_to_act_by()
    {
        var systems = await stack.ListAsync("admin");

        Assert.Contains(systems, system => system.Id == AcmeHqSystem && system.LocationName == "Acme HQ");
        Assert.Contains(systems, system => system.Id == GlobexLabSystem && system.LocationName == "Globex Lab");
        Assert.All(systems, system => Assert.Empty(system.Actions));

        using var put = await stack.PutActionAsync("admin", AcmeHqSystem, "ARM");
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("c0000000-0000-0000-0000-0000000000ff")]
    [InlineData("not-a-guid")]
    public async Task An_unknown_id_is_404(string id)
    {
        using var response = await stack.SendAsync(HttpMethod.Get, $"/securitysystems/{id}", "admin");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401_with_a_bearer_challenge()
    {
        using var response = await stack.SendAsync(HttpMethod.Get, "/securitysystems", username: null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task The_openapi_document_and_health_need_no_token()
    {
        using var openApi = await stack.SendAsync(HttpMethod.Get, "/openapi/v1.json", username: null);
        using var health = await stack.SendAsync(HttpMethod.Get, "/health", username: null);

        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Contains("/securitysystems/{id}/alarms", await openApi.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}

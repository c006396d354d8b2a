using System.Net;
using RealGuard.AppHost;
using RealGuard.SecuritySystemService.CustomerService;
using RealGuard.Testing.AppHost;
using RealGuard.SecuritySystemService.Tests.Infrastructure;
using RealGuard.Testing;
using static RealGuard.SecuritySystemService.Tests.Infrastructure.DemoData;

namespace RealGuard.SecuritySystemService.Tests.Api;

/// <summary>The administrator gives a location (known to customer-service) its security system.</summary>
[Collection(SecuritySystemStack.Collection)]
public sealed class CreationTests(SecuritySystemStack stack)
{
    [Fact]
    public async Task A_new_location_gets_a_disarmed_system_named_after_it_which_its_armer_then_sees()
    {
        var name = $"Acme Warehouse {Guid.NewGuid():N}"[..24];
        var location = await CreateAcmeLocationAsync(name);
        await GiveBobArmerRoleAsync(location);

        using var response = await stack.SendAsync(HttpMethod.Post, "/securitysystems", "admin", new { locationId = location });

        var created = await SecuritySystemStack.ReadAsync<SecuritySystemView>(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((location, name, "DISARMED"), (created.LocationId, created.LocationName, created.State));
        Assert.Equal($"/securitysystems/{created.Id}", response.Headers.Location?.OriginalString);
        // A role granted shows in the list within the list's cache lifetime (docs/api.md); bob may have listed just before.
        var seenByBob = Assert.Single(await ListWithinCacheLifetimeAsync("bob", created.Id), system => system.Id == created.Id);
        Assert.Equal(["ARM"], seenByBob.Actions);
        using var forDave = await stack.SendAsync(HttpMethod.Get, $"/securitysystems/{created.Id}", "dave");
        Assert.Equal(HttpStatusCode.NotFound, forDave.StatusCode);
    }

    private async Task<IReadOnlyList<SecuritySystemView>> ListWithinCacheLifetimeAsync(string username, Guid expected)
    {
        var until = DateTime.UtcNow + CallerLocationRoles.ListCacheLifetime + TimeSpan.FromSeconds(2);
        while (true)
        {
            var systems = await stack.ListAsync(username);
            if (systems.Any(system => system.Id == expected) || DateTime.UtcNow > until)
            {
                return systems;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    [Fact]
    public async Task A_location_that_has_a_system_cannot_get_another()
    {
        using var response = await stack.SendAsync(HttpMethod.Post, "/securitysystems", "admin", new { locationId = AcmeHq });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_location_customer_service_does_not_know_is_404()
    {
        using var response = await stack.SendAsync(HttpMethod.Post, "/securitysystems", "admin", new { locationId = Guid.NewGuid() });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_administrator_creates_systems()
    {
        using var response = await stack.SendAsync(HttpMethod.Post, "/securitysystems", "alice", new { locationId = AcmeHq });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"locationId":"somewhere"}""")]
    [InlineData("""{"locationId":17}""")]
    public async Task A_bad_location_id_is_400_naming_the_field(string body)
    {
        using var response = await stack.SendAsync(HttpMethod.Post, "/securitysystems", "admin", body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "locationId");
    }

    private async Task<Guid> CreateAcmeLocationAsync(string name)
    {
        using var response = await stack.SendWithTokenAsync(HttpMethod.Post,
            stack.Url(StackResources.CustomerService, $"/customers/{Acme}/locations"), await stack.UserTokenAsync("admin"), new { name });
        return (await SecuritySystemStack.ReadAsync<LocationView>(response)).Id;
    }

    private async Task GiveBobArmerRoleAsync(Guid location)
    {
        using var response = await stack.SendWithTokenAsync(HttpMethod.Put,
            stack.Url(StackResources.CustomerService, $"/customers/{Acme}/location-roles"), await stack.UserTokenAsync("alice"),
            new { employeeId = BobEmployee, locationId = location, roleName = "SECURITY_SYSTEM_ARMER" });
        await SecuritySystemStack.ReadAsync<object>(response);
    }

    private sealed record LocationView(Guid Id, Guid CustomerId, string Name);
}

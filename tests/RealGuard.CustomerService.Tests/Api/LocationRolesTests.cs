using System.Net;
using RealGuard.CustomerService.Tests.Infrastructure;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;
using RealGuard.Testing;

namespace RealGuard.CustomerService.Tests.Api;

[Collection(CustomerServiceStackCollection.Name)]
public sealed class LocationRolesTests(CustomerServiceStack stack)
{
    [Fact]
    public async Task Effective_roles_combine_direct_customer_level_and_team_roles()
    {
        var admin = await stack.AsAsync(DemoUsers.Admin);
        var created = await admin.PostJsonAsync("/customers", new
        {
            name = "Roles Inc",
            initialAdministrator = new { firstName = "Rhonda", lastName = "Boss", email = Demo.NewEmail("rhonda") },
        });
        var customerId = created.GetProperty("customer").Id();
        var store = (await admin.PostJsonAsync($"/customers/{customerId}/locations", new { name = "Store" })).Id();
        var depot = (await admin.PostJsonAsync($"/customers/{customerId}/locations", new { name = "Depot" })).Id();
        var email = Demo.NewEmail("eve");
        var eve = await admin.PostJsonAsync($"/customers/{customerId}/employees", new { firstName = "Eve", lastName = "Guard", email });
        var eveApi = await stack.AsAsync(email, eve.Str("initialPassword"));

        // An employee with no role yet: the locations are theirs to know, with no role there.
        Assert.Empty((await eveApi.GetJsonAsync($"/locations/{store}/roles")).Strings("roles"));
        Assert.Empty((await eveApi.GetJsonAsync("/me/locations")).Items("locations"));

        // Direct.
        await admin.PutJsonAsync($"/customers/{customerId}/location-roles", new { employeeId = eve.Id(), locationId = store, roleName = "SECURITY_SYSTEM_ARMER" });
        Assert.Equal(["SECURITY_SYSTEM_ARMER"], (await eveApi.GetJsonAsync($"/locations/{store}/roles")).Strings("roles"));
        Assert.Empty((await eveApi.GetJsonAsync($"/locations/{depot}/roles")).Strings("roles"));

        // Through a team.
        var team = (await admin.PostJsonAsync($"/customers/{customerId}/teams", new { name = "Closers" })).Id();
        await admin.PutJsonAsync($"/customers/{customerId}/teams/{team}/location-roles", new { locationId = store, roleName = "SECURITY_SYSTEM_DISARMER" });
        Assert.Equal(["SECURITY_SYSTEM_ARMER"], (await eveApi.GetJsonAsync($"/locations/{store}/roles")).Strings("roles"));
        await admin.PostJsonAsync($"/customers/{customerId}/teams/{team}/members", new { employeeId = eve.Id() }, HttpStatusCode.OK);
        Assert.Equal(["SECURITY_SYSTEM_ARMER", "SECURITY_SYSTEM_DISARMER"], (await eveApi.GetJsonAsync($"/locations/{store}/roles")).Strings("roles"));

        // Held for the whole customer: at every one of its locations.
        await admin.PutJsonAsync($"/customers/{customerId}/customer-roles", new { employeeId = eve.Id(), roleName = "SECURITY_SYSTEM_VIEWER" });
        Assert.Equal(["SECURITY_SYSTEM_ARMER", "SECURITY_SYSTEM_DISARMER", "SECURITY_SYSTEM_VIEWER"],
            (await eveApi.GetJsonAsync($"/locations/{store}/roles")).Strings("roles"));
        Assert.Equal(["SECURITY_SYSTEM_VIEWER"], (await eveApi.GetJsonAsync($"/locations/{depot}/roles")).Strings("roles"));

        var mine = (await eveApi.GetJsonAsync("/me/locations")).Items("locations");
        Assert.Equal([("Depot", "SECURITY_SYSTEM_VIEWER"), ("Store", "SECURITY_SYSTEM_ARMER SECURITY_SYSTEM_DISARMER SECURITY_SYSTEM_VIEWER")],
            mine.Select(location => (location.Str("name"), string.Join(' ', location.Strings("roles")))));
        Assert.All(mine, location => Assert.Equal(customerId, location.Id("customerId")));

        // notification-service sees who to notify: Eve, not the company administrator, who holds no role at a location.
        var notificationService = await stack.AsServiceAsync("notification-service");
        var person = Assert.Single((await notificationService.GetJsonAsync($"/locations/{depot}/people")).Items("people"));
        Assert.Equal((eve.Str("userId"), "Eve Guard"), (person.Str("userId"), person.Str("name")));
        Assert.Equal(["SECURITY_SYSTEM_VIEWER"], person.Strings("roles"));
    }

    [Fact]
    public async Task Demo_employees_hold_their_roles_at_their_locations()
    {
        Assert.Equal([$"{Demo.AcmeHq}: SECURITY_SYSTEM_ARMER"], await MyLocationsAsync(DemoUsers.Bob));
        Assert.Equal([$"{Demo.AcmeHq}: SECURITY_SYSTEM_DISARMER"], await MyLocationsAsync(DemoUsers.Carol));
        Assert.Equal([$"{Demo.AcmeHq}: SECURITY_SYSTEM_VIEWER"], await MyLocationsAsync(DemoUsers.Dave));
        Assert.Equal([$"{Demo.GlobexLab}: SECURITY_SYSTEM_ARMER SECURITY_SYSTEM_DISARMER"], await MyLocationsAsync(DemoUsers.Erin));
        // A company administrator manages the customer but holds no role at a location; neither does the operator.
        Assert.Empty(await MyLocationsAsync(DemoUsers.Alice));
        Assert.Empty(await MyLocationsAsync(DemoUsers.Admin));

        var dave = await stack.AsAsync(DemoUsers.Dave);
        Assert.Equal(["SECURITY_SYSTEM_VIEWER"], (await dave.GetJsonAsync($"/locations/{Demo.AcmeHq}/roles")).Strings("roles"));
        var location = await dave.GetJsonAsync($"/locations/{Demo.AcmeHq}");
        Assert.Equal((Guid.Parse(Demo.AcmeHq), Guid.Parse(Demo.Acme), "Acme HQ"), (location.Id(), location.Id("customerId"), location.Str("name")));
        var admin = await stack.AsAsync(DemoUsers.Admin);
        Assert.Empty((await admin.GetJsonAsync($"/locations/{Demo.AcmeHq}/roles")).Strings("roles"));
    }

    [Fact]
    public async Task The_people_at_a_location_are_listed_for_the_notification_service_and_administrators_only()
    {
        var notificationService = await stack.AsServiceAsync("notification-service");
        var people = (await notificationService.GetJsonAsync($"/locations/{Demo.AcmeHq}/people")).Items("people")
            .ToDictionary(person => person.Str("userId"));

        Assert.Equal(["SECURITY_SYSTEM_ARMER"], people[Demo.BobUserId].Strings("roles"));
        Assert.Equal("Bob Brown", people[Demo.BobUserId].Str("name"));
        Assert.Equal(["SECURITY_SYSTEM_DISARMER"], people[Demo.CarolUserId].Strings("roles"));
        Assert.Equal(["SECURITY_SYSTEM_VIEWER"], people[Demo.DaveUserId].Strings("roles"));
        Assert.DoesNotContain("2686d8c4-c5f8-5b7b-88ac-afb8d005f6cb", people.Keys); // alice: no role at the location

        var admin = await stack.AsAsync(DemoUsers.Admin);
        Assert.Contains(Demo.BobUserId, (await admin.GetJsonAsync($"/locations/{Demo.AcmeHq}/people")).Items("people").Select(p => p.Str("userId")));

        using var asAlice = await (await stack.AsAsync(DemoUsers.Alice)).GetAsync($"/locations/{Demo.AcmeHq}/people");
        await ProblemAssert.IsProblemAsync(asAlice, HttpStatusCode.Forbidden);
        using var unknown = await notificationService.GetAsync($"/locations/{Guid.NewGuid()}/people");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    /// <summary>"{locationId}: {roles}" for each location the user holds a role at.</summary>
    private async Task<string[]> MyLocationsAsync(DemoUser user)
    {
        var api = await stack.AsAsync(user);
        return (await api.GetJsonAsync("/me/locations")).Items("locations")
            .Select(location => $"{location.Str("id")}: {string.Join(' ', location.Strings("roles"))}")
            .ToArray();
    }
}

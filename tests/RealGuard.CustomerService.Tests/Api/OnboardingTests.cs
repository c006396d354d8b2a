using System.Net;
using RealGuard.CustomerService.Tests.Infrastructure;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;

namespace RealGuard.CustomerService.Tests.Api;

[Collection(CustomerServiceStackCollection.Name)]
public sealed class OnboardingTests(CustomerServiceStack stack)
{
    [Fact]
    public async Task The_initial_administrator_logs_in_with_the_returned_password_and_runs_the_new_customer()
    {
        var admin = await stack.AsAsync(DemoUsers.Admin);
        var email = Demo.NewEmail("bill");

        var created = await admin.PostJsonAsync("/customers", new
        {
            name = "Initech",
            initialAdministrator = new { firstName = "Bill", lastName = "Lumbergh", email, phone = "+1 555 0300" },
        });

        var customerId = created.GetProperty("customer").Id();
        Assert.Equal("Initech", created.GetProperty("customer").Str("name"));
        var administrator = created.GetProperty("initialAdministrator");
        Assert.Equal((customerId, "Bill", "Lumbergh", email, "+1 555 0300"),
            (administrator.Id("customerId"), administrator.Str("firstName"), administrator.Str("lastName"), administrator.Str("email"), administrator.Str("phone")));
        Assert.Equal(["COMPANY_ROLE_ADMIN"], administrator.Strings("customerRoles"));
        var password = administrator.Str("initialPassword");
        Assert.True(password.Length >= 16, "a strong generated password");

        // The person exists in the IAM: they log in through the login form with that password.
        var bill = await stack.AsAsync(email, password);
        Assert.Contains("REALGUARDIO_CUSTOMER_EMPLOYEE", Json.RealmRolesOf(bill.AccessToken!));
        Assert.DoesNotContain("REALGUARDIO_ADMIN", Json.RealmRolesOf(bill.AccessToken!));

        // ... and their token's sub is the employee's userId.
        var me = (await bill.GetJsonAsync($"/customers/{customerId}/employees")).Items("employees").Single();
        Assert.Equal(administrator.Str("userId"), me.Str("userId"));
        Assert.False(me.Has("initialPassword"), "the password is returned once, at creation");

        // COMPANY_ROLE_ADMIN powers: a location, an employee, a location role, a team with a role and a member.
        var location = await bill.PostJsonAsync($"/customers/{customerId}/locations", new { name = "Initech HQ" });
        Assert.Equal((customerId, "Initech HQ"), (location.Id("customerId"), location.Str("name")));
        var locationId = location.Id();

        var miltonEmail = Demo.NewEmail("milton");
        var milton = await bill.PostJsonAsync($"/customers/{customerId}/employees",
            new { firstName = "Milton", lastName = "Waddams", email = miltonEmail });
        Assert.Equal((customerId, miltonEmail), (milton.Id("customerId"), milton.Str("email")));
        Assert.Empty(milton.Strings("customerRoles"));
        Assert.False(milton.Has("phone"));
        var miltonId = milton.Id();

        var assigned = await bill.PutJsonAsync($"/customers/{customerId}/location-roles",
            new { employeeId = miltonId, locationId, roleName = "SECURITY_SYSTEM_VIEWER" });
        Assert.Equal((miltonId, locationId, "SECURITY_SYSTEM_VIEWER"), (assigned.Id("employeeId"), assigned.Id("locationId"), assigned.Str("roleName")));

        var team = await bill.PostJsonAsync($"/customers/{customerId}/teams", new { name = "Night shift" });
        Assert.Equal(("Night shift", customerId), (team.Str("name"), team.Id("customerId")));
        Assert.Empty(team.Items("memberIds"));
        var teamId = team.Id();
        team = await bill.PutJsonAsync($"/customers/{customerId}/teams/{teamId}/location-roles", new { locationId, roleName = "SECURITY_SYSTEM_ARMER" });
        var teamRole = Assert.Single(team.Items("locationRoles"));
        Assert.Equal((locationId, "SECURITY_SYSTEM_ARMER"), (teamRole.Id("locationId"), teamRole.Str("roleName")));
        team = await bill.PostJsonAsync($"/customers/{customerId}/teams/{teamId}/members", new { employeeId = miltonId }, HttpStatusCode.OK);
        Assert.Equal([miltonId.ToString()], team.Strings("memberIds"));

        // Milton logs in with his own generated password and holds both roles there.
        var miltonApi = await stack.AsAsync(miltonEmail, milton.Str("initialPassword"));
        Assert.Equal(["SECURITY_SYSTEM_ARMER", "SECURITY_SYSTEM_VIEWER"], (await miltonApi.GetJsonAsync($"/locations/{locationId}/roles")).Strings("roles"));

        // Everything shows in the customer's details.
        var details = await bill.GetJsonAsync($"/customers/{customerId}");
        Assert.Equal("Initech", details.Str("name"));
        Assert.Equal(["Lumbergh", "Waddams"], details.Items("employees").Select(e => e.Str("lastName")));
        Assert.Equal(["Initech HQ"], details.Items("locations").Select(l => l.Str("name")));
        Assert.Equal(["Night shift"], details.Items("teams").Select(t => t.Str("name")));
        var miltonDetails = details.Items("employees").Single(e => e.Id() == miltonId);
        var miltonRole = Assert.Single(miltonDetails.Items("locationRoles"));
        Assert.Equal((locationId, "SECURITY_SYSTEM_VIEWER"), (miltonRole.Id("locationId"), miltonRole.Str("roleName")));

        // The RealGuard administrator lists the new customer; Bill sees only his own.
        Assert.Contains(customerId, (await admin.GetJsonAsync("/customers")).Items("customers").Select(c => c.Id()));
        Assert.Equal([customerId], (await bill.GetJsonAsync("/customers")).Items("customers").Select(c => c.Id()));
    }

    [Fact]
    public async Task A_realguard_administrator_may_manage_any_customer()
    {
        var admin = await stack.AsAsync(DemoUsers.Admin);

        var location = await admin.PostJsonAsync($"/customers/{Demo.Globex}/locations", new { name = "Globex Annex" });
        var team = await admin.PostJsonAsync($"/customers/{Demo.Globex}/teams", new { name = "Annex crew" });
        await admin.PutJsonAsync($"/customers/{Demo.Globex}/teams/{team.Id()}/location-roles",
            new { locationId = location.Id(), roleName = "SECURITY_SYSTEM_VIEWER" });

        Assert.Contains("Globex Annex", (await admin.GetJsonAsync($"/customers/{Demo.Globex}/locations")).Items("locations").Select(l => l.Str("name")));
        Assert.Equal(location.Id(), (await admin.GetJsonAsync($"/locations/{location.Id()}")).Id());
    }

    [Fact]
    public async Task Role_assignments_are_idempotent()
    {
        var alice = await stack.AsAsync(DemoUsers.Alice);
        var email = Demo.NewEmail("peter");
        var peter = await alice.PostJsonAsync($"/customers/{Demo.Acme}/employees", new { firstName = "Peter", lastName = "Gibbons", email });
        var assignment = new { employeeId = peter.Id(), locationId = Demo.AcmeHq, roleName = "SECURITY_SYSTEM_ARMER" };

        await alice.PutJsonAsync($"/customers/{Demo.Acme}/location-roles", assignment);
        await alice.PutJsonAsync($"/customers/{Demo.Acme}/location-roles", assignment);
        await alice.PutJsonAsync($"/customers/{Demo.Acme}/customer-roles", new { employeeId = peter.Id(), roleName = "SECURITY_SYSTEM_VIEWER" });
        var again = await alice.PutJsonAsync($"/customers/{Demo.Acme}/customer-roles", new { employeeId = peter.Id(), roleName = "SECURITY_SYSTEM_VIEWER" });

        Assert.Equal((peter.Id(), "SECURITY_SYSTEM_VIEWER"), (again.Id("employeeId"), again.Str("roleName")));
        var reloaded = (await alice.GetJsonAsync($"/customers/{Demo.Acme}/employees")).Items("employees").Single(e => e.Id() == peter.Id());
        var locationRole = Assert.Single(reloaded.Items("locationRoles"));
        Assert.Equal((Guid.Parse(Demo.AcmeHq), "SECURITY_SYSTEM_ARMER"), (locationRole.Id("locationId"), locationRole.Str("roleName")));
        Assert.Equal(["SECURITY_SYSTEM_VIEWER"], reloaded.Strings("customerRoles"));

        // VIEWER held for the whole customer adds to the direct role at Acme HQ.
        var peterApi = await stack.AsAsync(email, peter.Str("initialPassword"));
        Assert.Equal(["SECURITY_SYSTEM_ARMER", "SECURITY_SYSTEM_VIEWER"], (await peterApi.GetJsonAsync($"/locations/{Demo.AcmeHq}/roles")).Strings("roles"));
    }
}

using System.Net;
using RealGuard.CustomerService.Tests.Infrastructure;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;
using RealGuard.Testing;

namespace RealGuard.CustomerService.Tests.Api;

[Collection(CustomerServiceStackCollection.Name)]
public sealed class BadInputTests(CustomerServiceStack stack)
{
    [Fact]
    public async Task Invalid_customers_are_400_naming_each_invalid_field()
    {
        var admin = await stack.AsAsync(DemoUsers.Admin);

        using (var response = await admin.PostAsync("/customers", new { }))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "name", "initialAdministrator");
        }
        using (var response = await admin.PostAsync("/customers", new
        {
            name = "  ",
            initialAdministrator = new { firstName = "Ann", lastName = "", email = "not-an-email", phone = "call me" },
        }))
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest,
                "name", "initialAdministrator.lastName", "initialAdministrator.email", "initialAdministrator.phone");
            Assert.False(problem.GetProperty("errors").Has("initialAdministrator.firstName"));
        }

        Assert.DoesNotContain((await admin.GetJsonAsync("/customers")).Items("customers"), c => c.Str("name") == "Ann's");
    }

    [Fact]
    public async Task Unreadable_json_is_400()
    {
        var admin = await stack.AsAsync(DemoUsers.Admin);

        using (var response = await admin.SendRawAsync(HttpMethod.Post, "/customers", "{\"name\": \"Broken"))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        }
        using (var response = await admin.SendRawAsync(HttpMethod.Post, "/customers", """{"name": 42, "initialAdministrator": null}"""))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "name");
        }
        using (var response = await admin.SendRawAsync(HttpMethod.Post, $"/customers/{Demo.Acme}/locations", ""))
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.DoesNotContain("Request", problem.Str("detail")); // no C# type names
        }
        using (var response = await admin.SendRawAsync(HttpMethod.Post, $"/customers/{Demo.Acme}/locations", "name=Depot", "application/x-www-form-urlencoded"))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        }
        using (var response = await admin.SendRawAsync(HttpMethod.Post, $"/customers/{Demo.Acme}/locations", "[]"))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Invalid_ids_and_unknown_role_names_are_400()
    {
        var alice = await stack.AsAsync(DemoUsers.Alice);
        var bob = (await alice.GetJsonAsync($"/customers/{Demo.Acme}/employees")).Items("employees").Single(e => e.Str("userId") == Demo.BobUserId);
        var team = await alice.PostJsonAsync($"/customers/{Demo.Acme}/teams", new { name = "Validators" });

        using (var response = await alice.PutAsync($"/customers/{Demo.Acme}/location-roles", new { employeeId = "bob", locationId = Demo.AcmeHq, roleName = "SUPER_USER" }))
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "employeeId", "roleName");
            Assert.Contains("SECURITY_SYSTEM_ARMER", problem.GetProperty("errors").Strings("roleName").Single());
        }
        using (var response = await alice.PutAsync($"/customers/{Demo.Acme}/location-roles", new { employeeId = bob.Id(), locationId = Demo.AcmeHq, roleName = "COMPANY_ROLE_ADMIN" }))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "roleName");
        }
        using (var response = await alice.PutAsync($"/customers/{Demo.Acme}/customer-roles", new { employeeId = bob.Id(), roleName = "ROOT" }))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "roleName");
        }
        using (var response = await alice.PutAsync($"/customers/{Demo.Acme}/teams/{team.Id()}/location-roles", new { locationId = "hq", roleName = "security_system_viewer" }))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "locationId", "roleName");
        }
        using (var response = await alice.PostAsync($"/customers/{Demo.Acme}/teams/{team.Id()}/members", new { }))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "employeeId");
        }
        using (var response = await alice.PostAsync($"/customers/{Demo.Acme}/teams", new { name = new string('x', 201) }))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "name");
        }

        // Nothing changed for Bob.
        Assert.Equal(bob.ToString(),
            (await alice.GetJsonAsync($"/customers/{Demo.Acme}/employees")).Items("employees").Single(e => e.Str("userId") == Demo.BobUserId).ToString());
    }

    [Fact]
    public async Task A_duplicate_email_is_409_whether_known_here_or_only_to_the_iam()
    {
        var alice = await stack.AsAsync(DemoUsers.Alice);
        var before = (await alice.GetJsonAsync($"/customers/{Demo.Acme}/employees")).Items("employees").Length;

        // Bob is an employee already; Rita Guard (the RealGuard administrator) exists only in the IAM.
        foreach (var email in new[] { "bob@acme.example", "BOB@Acme.Example", "rita.guard@realguard.example" })
        {
            using var response = await alice.PostAsync($"/customers/{Demo.Acme}/employees", new { firstName = "Dupli", lastName = "Cate", email });
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
            Assert.Contains("a person with this email already exists", problem.Str("detail"), StringComparison.OrdinalIgnoreCase);
        }

        var admin = await stack.AsAsync(DemoUsers.Admin);
        using (var response = await admin.PostAsync("/customers", new
        {
            name = "Copycat Inc",
            initialAdministrator = new { firstName = "Alice", lastName = "Again", email = "alice@acme.example" },
        }))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        }

        Assert.Equal(before, (await alice.GetJsonAsync($"/customers/{Demo.Acme}/employees")).Items("employees").Length);
        Assert.DoesNotContain((await admin.GetJsonAsync("/customers")).Items("customers"), customer => customer.Str("name") == "Copycat Inc");
    }

    [Fact]
    public async Task When_the_iam_is_down_creating_people_is_503_and_nothing_is_half_created()
    {
        var admin = await stack.AsAsync(DemoUsers.Admin);
        // Provisioning once first: the service then holds its own token and only the admin API call can fail.
        var created = await admin.PostJsonAsync("/customers", new
        {
            name = "Outage Corp",
            initialAdministrator = new { firstName = "Olga", lastName = "Outage", email = Demo.NewEmail("olga") },
        });
        var customerId = created.GetProperty("customer").Id();
        var email = Demo.NewEmail("otto");
        var person = new { firstName = "Otto", lastName = "Offline", email };

        await stack.Stack.StopPartAsync(StackResources.Keycloak);
        try
        {
            using (var response = await admin.PostAsync($"/customers/{customerId}/employees", person))
            {
                var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
                Assert.Contains("nothing was created", problem.Str("detail"), StringComparison.OrdinalIgnoreCase);
            }
            using (var response = await admin.PostAsync("/customers", new { name = "Never Corp", initialAdministrator = person }))
            {
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            }
        }
        finally
        {
            await stack.Stack.StartPartAsync(StackResources.Keycloak);
        }

        Assert.Equal(["Outage"], (await admin.GetJsonAsync($"/customers/{customerId}/employees")).Items("employees").Select(e => e.Str("lastName")));
        Assert.DoesNotContain((await admin.GetJsonAsync("/customers")).Items("customers"), customer => customer.Str("name") == "Never Corp");

        // Nothing was left in the IAM either: the same person can be created now, and logs in.
        var otto = await admin.PostJsonAsync($"/customers/{customerId}/employees", person);
        await stack.AsAsync(email, otto.Str("initialPassword"));
        Assert.DoesNotContain(stack.ServiceLogs, line => line.Contains(otto.Str("initialPassword"), StringComparison.Ordinal));
    }
}

using System.Net;
using RealGuard.CustomerService.Tests.Infrastructure;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;
using RealGuard.Testing;

namespace RealGuard.CustomerService.Tests.Api;

[Collection(CustomerServiceStackCollection.Name)]
public sealed class AccessTests(CustomerServiceStack stack)
{
    [Theory]
    [InlineData("GET", "/customers")]
    [InlineData("POST", "/customers")]
    [InlineData("GET", "/customers/" + Demo.Acme)]
    [InlineData("GET", "/customers/" + Demo.Acme + "/employees")]
    [InlineData("PUT", "/customers/" + Demo.Acme + "/location-roles")]
    [InlineData("GET", "/locations/" + Demo.AcmeHq + "/roles")]
    [InlineData("GET", "/me/locations")]
    [InlineData("GET", "/locations/" + Demo.AcmeHq + "/people")]
    public async Task Without_a_token_every_endpoint_answers_401_with_a_bearer_challenge(string method, string path)
    {
        using var response = await stack.Anonymous().SendRawAsync(new HttpMethod(method), path, "{}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_token_that_is_not_valid_is_refused_as_invalid_token()
    {
        using var http = new HttpClient { BaseAddress = new Uri(stack.Stack.Url("customer-service")) };
        using var response = await new Caller(http, "not.a.jwt").GetAsync("/customers");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Health_and_the_openapi_document_need_no_token()
    {
        var anonymous = stack.Anonymous();
        using var health = await anonymous.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        var openApi = await anonymous.GetJsonAsync("/openapi/v1.json");
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/customers", paths);
        Assert.Contains("/customers/{customerId}/teams/{teamId}/location-roles", paths);
        Assert.Contains("/locations/{locationId}/roles", paths);
        Assert.Contains("/me/locations", paths);
        Assert.True(openApi.GetProperty("components").GetProperty("securitySchemes").Has("Bearer"));
    }

    [Fact]
    public async Task An_employee_without_company_administrator_gets_403_for_managing_their_own_customer()
    {
        var bob = await stack.AsAsync(DemoUsers.Bob);
        var alice = await stack.AsAsync(DemoUsers.Alice);
        var dave = (await alice.GetJsonAsync($"/customers/{Demo.Acme}/employees")).Items("employees").Single(e => e.Str("userId") == Demo.DaveUserId);
        var before = await alice.GetJsonAsync($"/customers/{Demo.Acme}");

        (string Method, string Path, object Body)[] attempts =
        [
            ("POST", $"/customers/{Demo.Acme}/locations", new { name = "Bob's shed" }),
            ("POST", $"/customers/{Demo.Acme}/employees", new { firstName = "Mallory", lastName = "X", email = Demo.NewEmail("mallory") }),
            ("POST", $"/customers/{Demo.Acme}/teams", new { name = "Bob's crew" }),
            ("PUT", $"/customers/{Demo.Acme}/customer-roles", new { employeeId = dave.Id(), roleName = "COMPANY_ROLE_ADMIN" }),
            ("PUT", $"/customers/{Demo.Acme}/location-roles", new { employeeId = dave.Id(), locationId = Demo.AcmeHq, roleName = "SECURITY_SYSTEM_DISARMER" }),
            ("POST", "/customers", new { name = "Bob Corp", initialAdministrator = new { firstName = "Bob", lastName = "Brown", email = Demo.NewEmail("bob") } }),
        ];
        foreach (var (method, path, body) in attempts)
        {
            using var response = method == "POST" ? await bob.PostAsync(path, body) : await bob.PutAsync(path, body);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        }

        Assert.Equal(before.ToString(), (await alice.GetJsonAsync($"/customers/{Demo.Acme}")).ToString());
    }

    [Fact]
    public async Task Another_customers_resources_are_404()
    {
        var erin = await stack.AsAsync(DemoUsers.Erin); // company administrator of Globex, nothing at Acme
        var alice = await stack.AsAsync(DemoUsers.Alice);
        var bob = (await alice.GetJsonAsync($"/customers/{Demo.Acme}/employees")).Items("employees").Single(e => e.Str("userId") == Demo.BobUserId);

        foreach (var path in new[]
        {
            $"/customers/{Demo.Acme}", $"/customers/{Demo.Acme}/employees", $"/customers/{Demo.Acme}/locations",
            $"/locations/{Demo.AcmeHq}", $"/locations/{Demo.AcmeHq}/roles",
        })
        {
            using var response = await erin.GetAsync(path);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        }
        using (var response = await erin.PostAsync($"/customers/{Demo.Acme}/locations", new { name = "Globex outpost" }))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        }
        using (var response = await erin.PutAsync($"/customers/{Demo.Acme}/location-roles",
                   new { employeeId = bob.Id(), locationId = Demo.AcmeHq, roleName = "SECURITY_SYSTEM_VIEWER" }))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        }

        // Erin lists only her own customer.
        Assert.Equal([Guid.Parse(Demo.Globex)], (await erin.GetJsonAsync("/customers")).Items("customers").Select(c => c.Id()));

        // Ids of Globex in a request to Acme are unknown there, even to Acme's administrator.
        var erinAsEmployee = (await erin.GetJsonAsync($"/customers/{Demo.Globex}/employees")).Items("employees").Single();
        using (var response = await alice.PutAsync($"/customers/{Demo.Acme}/location-roles",
                   new { employeeId = bob.Id(), locationId = Demo.GlobexLab, roleName = "SECURITY_SYSTEM_VIEWER" }))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        }
        using (var response = await alice.PutAsync($"/customers/{Demo.Acme}/customer-roles",
                   new { employeeId = erinAsEmployee.Id(), roleName = "SECURITY_SYSTEM_VIEWER" }))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        }
        var globexTeam = await erin.PostJsonAsync($"/customers/{Demo.Globex}/teams", new { name = "Globex night shift" });
        using (var response = await alice.PostAsync($"/customers/{Demo.Acme}/teams/{globexTeam.Id()}/members", new { employeeId = bob.Id() }))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Unknown_ids_are_404_even_for_the_realguard_administrator()
    {
        var admin = await stack.AsAsync(DemoUsers.Admin);

        foreach (var path in new[] { $"/customers/{Guid.NewGuid()}", $"/locations/{Guid.NewGuid()}", $"/locations/{Guid.NewGuid()}/roles", "/customers/not-an-id" })
        {
            using var response = await admin.GetAsync(path);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        }
        using var team = await admin.PutAsync($"/customers/{Demo.Acme}/teams/{Guid.NewGuid()}/location-roles",
            new { locationId = Demo.AcmeHq, roleName = "SECURITY_SYSTEM_VIEWER" });
        await ProblemAssert.IsProblemAsync(team, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Contact_details_of_employees_are_shown_only_to_company_and_realguard_administrators()
    {
        var bobAsSeenBy = new Dictionary<string, System.Text.Json.JsonElement>();
        foreach (var user in new[] { DemoUsers.Alice, DemoUsers.Admin, DemoUsers.Bob, DemoUsers.Dave })
        {
            var api = await stack.AsAsync(user);
            var fromList = (await api.GetJsonAsync($"/customers/{Demo.Acme}/employees")).Items("employees").Single(e => e.Str("userId") == Demo.BobUserId);
            var fromDetails = (await api.GetJsonAsync($"/customers/{Demo.Acme}")).Items("employees").Single(e => e.Str("userId") == Demo.BobUserId);
            Assert.Equal(fromList.ToString(), fromDetails.ToString());
            bobAsSeenBy[user.UserName] = fromList;
        }

        foreach (var administrator in new[] { "alice", "admin" })
        {
            Assert.Equal("bob@acme.example", bobAsSeenBy[administrator].Str("email"));
            Assert.Equal("+1 555 0102", bobAsSeenBy[administrator].Str("phone"));
        }
        foreach (var employee in new[] { "bob", "dave" })
        {
            var bob = bobAsSeenBy[employee];
            Assert.False(bob.Has("email"), $"{employee} must not see e-mail addresses");
            Assert.False(bob.Has("phone"), $"{employee} must not see phone numbers");
            Assert.Equal(("Bob", "Brown"), (bob.Str("firstName"), bob.Str("lastName")));
            // The rest of the resource is the same for everyone.
            var full = bobAsSeenBy["alice"];
            Assert.Equal(
                full.EnumerateObject().Where(p => p.Name is not ("email" or "phone")).Select(p => $"{p.Name}={p.Value}"),
                bob.EnumerateObject().Select(p => $"{p.Name}={p.Value}"));
        }
    }
}

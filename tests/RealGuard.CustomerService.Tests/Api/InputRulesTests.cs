using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RealGuard.CustomerService.Tests.Infrastructure;
using RealGuard.AppHost;
using RealGuard.Testing;

namespace RealGuard.CustomerService.Tests.Api;

/// <summary>
/// Issue 15's input rules over real HTTP: a key given twice, names that display other than they read or show nothing,
/// bodies that are not declared JSON, bodies that are missing; each a problem naming the field, nothing created.
/// </summary>
[Collection(CustomerServiceStackCollection.Name)]
public sealed class InputRulesTests(CustomerServiceStack stack)
{
    [Fact]
    public async Task A_field_given_twice_is_400_naming_it()
    {
        var alice = await stack.AsAsync(DemoUsers.Alice);

        using (var response = await alice.SendRawAsync(HttpMethod.Post, $"/customers/{Demo.Acme}/locations", """{"name":"Depot","name":"Vault"}"""))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "name");
        }
        using (var response = await alice.SendRawAsync(HttpMethod.Post, $"/customers/{Demo.Acme}/locations", """{"name":"Depot","NAME":"Vault"}"""))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "name");
        }

        await AssertNoLocationAsync(alice, "Depot", "Vault");
    }

    [Theory]
    [InlineData("Depot\u202Etxt.exe")]  // right-to-left override
    [InlineData("\u2067Depot\u2069")]    // right-to-left isolate
    [InlineData("\u200B")]               // zero-width space only
    [InlineData("\u200C\u200D \u2060")]  // joiners and word joiner only
    public async Task Names_with_bidirectional_overrides_or_nothing_visible_are_400(string name)
    {
        var alice = await stack.AsAsync(DemoUsers.Alice);

        using (var response = await alice.PostAsync($"/customers/{Demo.Acme}/locations", new { name }))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "name");
        }
        using (var response = await alice.PostAsync($"/customers/{Demo.Acme}/teams", new { name }))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "name");
        }
        using (var response = await alice.PostAsync($"/customers/{Demo.Acme}/employees",
                   new { firstName = name, lastName = name, email = Demo.NewEmail("bidi") }))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "firstName", "lastName");
        }
        await AssertNoLocationAsync(alice, name);
    }

    [Fact]
    public async Task A_customer_whose_administrator_has_an_invisible_name_is_400_naming_the_nested_field()
    {
        var admin = await stack.AsAsync(DemoUsers.Admin);

        using var response = await admin.PostAsync("/customers", new
        {
            name = "Invisible Inc",
            initialAdministrator = new { firstName = "\u200B", lastName = "Smith", email = Demo.NewEmail("invisible") },
        });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "initialAdministrator.firstName");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task A_body_not_declared_json_is_415_on_every_write(string? contentType)
    {
        var alice = await stack.AsAsync(DemoUsers.Alice);
        var admin = await stack.AsAsync(DemoUsers.Admin);

        foreach (var (caller, method, path) in new[]
        {
            (admin, HttpMethod.Post, "/customers"),
            (alice, HttpMethod.Post, $"/customers/{Demo.Acme}/locations"),
            (alice, HttpMethod.Post, $"/customers/{Demo.Acme}/employees"),
            (alice, HttpMethod.Post, $"/customers/{Demo.Acme}/teams"),
            (alice, HttpMethod.Put, $"/customers/{Demo.Acme}/customer-roles"),
            (alice, HttpMethod.Put, $"/customers/{Demo.Acme}/location-roles"),
        })
        {
            using var request = new HttpRequestMessage(method, path)
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"name":"Depot"}""")),
            };
            request.Content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
            using var response = await caller.SendAsync(request);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        }
        await AssertNoLocationAsync(alice, "Depot");
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task A_missing_body_names_the_required_fields_as_an_empty_object_would(string body)
    {
        var admin = await stack.AsAsync(DemoUsers.Admin);
        var alice = await stack.AsAsync(DemoUsers.Alice);

        using (var response = await admin.SendRawAsync(HttpMethod.Post, "/customers", body))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "name", "initialAdministrator");
        }
        using (var response = await alice.SendRawAsync(HttpMethod.Put, $"/customers/{Demo.Acme}/location-roles", body))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "employeeId", "locationId", "roleName");
        }
    }

    [Fact]
    public async Task A_wrong_json_type_in_a_nested_field_is_named_by_its_path()
    {
        var admin = await stack.AsAsync(DemoUsers.Admin);

        using var response = await admin.SendRawAsync(HttpMethod.Post, "/customers",
            """{"name":"Typed Inc","initialAdministrator":{"firstName":"Ann","lastName":"Smith","email":["ann@typed.example"]}}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "initialAdministrator.email");
    }

    private static async Task AssertNoLocationAsync(Caller alice, params string[] names)
    {
        var locations = (await alice.GetJsonAsync($"/customers/{Demo.Acme}/locations")).Items("locations");
        Assert.DoesNotContain(locations, location => names.Contains(location.Str("name")));
    }
}

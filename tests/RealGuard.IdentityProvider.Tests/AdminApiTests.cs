using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>The part of Keycloak's admin REST API RealGuard provisions people with, as customer-service calls it.</summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class AdminApiTests(IdentityProviderFixture fixture)
{
    private Oidc Oidc => fixture.Oidc;

    [Fact]
    public async Task Customer_service_provisions_a_user_who_then_logs_in_with_the_role()
    {
        var token = await Oidc.AdminTokenAsync();
        var username = NewUsername();

        // Create: 201 and the Location of the new user.
        using var created = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Post, "/users", token, new
        {
            username,
            email = $"{username}@acme.example",
            firstName = "Frank",
            lastName = "Fisher",
            enabled = true,
            emailVerified = true,
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!;
        Assert.StartsWith($"{Oidc.Idp.AdminUrl()}/users/", location.AbsoluteUri);
        var id = location.AbsolutePath.Split('/')[^1];

        // Find by username, exactly.
        var found = await GetJsonAsync($"/users?username={Uri.EscapeDataString(username)}&exact=true", token);
        var user = Assert.Single(found.EnumerateArray());
        Assert.Equal(id, user.GetProperty("id").GetString());
        Assert.Equal(username, user.GetProperty("username").GetString());
        Assert.True(user.GetProperty("enabled").GetBoolean());

        // Read by id.
        var read = await GetJsonAsync($"/users/{id}", token);
        Assert.Equal(username, read.GetProperty("username").GetString());
        Assert.Equal($"{username}@acme.example", read.GetProperty("email").GetString());

        // Set the password.
        using var reset = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Put, $"/users/{id}/reset-password", token,
            new { type = "password", value = "frank-password", temporary = false }));
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        // Add the realm role, as read from the realm.
        var role = await GetJsonAsync($"/roles/{EmployeeRole}", token);
        Assert.Equal(EmployeeRole, role.GetProperty("name").GetString());
        using var mapped = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Post, $"/users/{id}/role-mappings/realm", token, new[] { role }));
        Assert.Equal(HttpStatusCode.NoContent, mapped.StatusCode);

        // The user logs in through the form; the token carries the role.
        using var browser = Oidc.NewBrowser();
        var login = await Oidc.LoginAsync(browser, username, "frank-password");
        Assert.Equal(id, login.AccessToken.String("sub"));
        Assert.Equal(username, login.AccessToken.String("preferred_username"));
        Assert.Equal("Frank Fisher", login.AccessToken.String("name"));
        Assert.Contains(EmployeeRole, login.AccessToken.Roles("realm_access.roles"));
        Assert.Contains("default-roles-realguard", login.AccessToken.Roles("realm_access.roles"));
    }

    [Fact]
    public async Task A_duplicate_username_is_409()
    {
        var token = await Oidc.AdminTokenAsync();

        using var response = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Post, "/users", token, new { username = "bob", enabled = true }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("User exists with same username", body.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task Searching_an_unknown_username_exactly_finds_nobody()
    {
        var found = await GetJsonAsync("/users?username=nobody-at-all&exact=true", await Oidc.AdminTokenAsync());

        Assert.Empty(found.EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_user_id_is_404()
    {
        using var response = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Get, $"/users/{Guid.NewGuid()}", await Oidc.AdminTokenAsync()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_token_without_manage_users_is_403()
    {
        var acme = await Oidc.ClientCredentialsAsync(Acme);
        Oidc.AssertSuccess(acme);

        using var create = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Post, "/users", acme.AccessToken, new { username = NewUsername(), enabled = true }));
        using var search = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Get, "/users?username=bob&exact=true", acme.AccessToken));

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, search.StatusCode);
    }

    [Fact]
    public async Task A_user_token_without_realm_management_roles_is_403()
    {
        using var browser = Oidc.NewBrowser();
        var login = await Oidc.LoginAsync(browser, Bob);

        using var response = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Get, "/users?username=bob&exact=true", login.Tokens.AccessToken));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("garbage")]
    public async Task No_valid_token_is_401(string? token)
    {
        using var create = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Post, "/users", token, new { username = NewUsername(), enabled = true }));
        using var search = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Get, "/users?username=bob", token));

        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, search.StatusCode);
    }

    [Fact]
    public async Task An_ID_token_is_not_accepted_by_the_admin_API()
    {
        using var browser = Oidc.NewBrowser();
        var login = await Oidc.LoginAsync(browser, Bob);

        using var response = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Get, "/users?username=bob", login.Tokens.IdentityToken));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_create_request_is_400_not_500()
    {
        var token = await Oidc.AdminTokenAsync();

        using var noUsername = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Post, "/users", token, new { enabled = true }));
        using var notJson = await Oidc.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, Oidc.Idp.AdminUrl() + "/users")
        {
            Headers = { Authorization = new("Bearer", token) },
            Content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, noUsername.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    private async Task<JsonElement> GetJsonAsync(string path, string token)
    {
        using var response = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Get, path, token));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string NewUsername() => "frank-" + Guid.NewGuid().ToString("N")[..8];
}

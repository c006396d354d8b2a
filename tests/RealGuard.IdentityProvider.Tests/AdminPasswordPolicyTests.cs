using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RealGuard.IdentityProvider.Tests.Infrastructure;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>
/// The realm's password policy (<c>length(12) and notUsername and notEmail and passwordHistory(3)</c>) on every password
/// the admin API sets, with Keycloak's answers: reset-password names the rule, user creation says only that it failed.
/// </summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class AdminPasswordPolicyTests(IdentityProviderFixture fixture)
{
    private Oidc Oidc => fixture.Oidc;

    [Theory]
    [InlineData("too-short", "invalidPasswordMinLengthMessage", "Invalid password: minimum length 12.")]
    [InlineData("{username}", "invalidPasswordNotUsernameMessage", "Invalid password: must not be equal to the username.")]
    [InlineData("{email}", "invalidPasswordNotEmailMessage", "Invalid password: must not be equal to the email.")]
    public async Task Reset_password_refuses_a_password_against_the_policy_with_Keycloaks_error(string password, string error, string description)
    {
        var username = NewUsername();
        var id = await Oidc.CreateUserAsync(username, "a-good-long-password");
        password = password.Replace("{username}", username).Replace("{email}", $"{username}@example.test");

        using var response = await ResetAsync(id, password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Equal(description, body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Reset_password_refuses_the_last_three_passwords()
    {
        var id = await Oidc.CreateUserAsync(NewUsername(), "first-long-password");
        using var second = await ResetAsync(id, "second-long-password");
        using var third = await ResetAsync(id, "third-long-password");
        Assert.Equal(HttpStatusCode.NoContent, third.StatusCode);

        using var again = await ResetAsync(id, "first-long-password");

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalidPasswordHistoryMessage", body.GetProperty("error").GetString());
        Assert.Equal("Invalid password: must not be equal to any of last 3 passwords.", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Creating_a_user_with_a_password_against_the_policy_creates_nobody()
    {
        var token = await Oidc.AdminTokenAsync();
        var username = NewUsername();

        using var created = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Post, "/users", token, new
        {
            username,
            enabled = true,
            credentials = new[] { new { type = "password", value = "short", temporary = false } },
        }));

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Password policy not met", body.GetProperty("errorMessage").GetString());
        using var found = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Get, $"/users?username={username}&exact=true", token));
        Assert.Empty((await found.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
    }

    [Fact]
    public async Task Creating_a_user_with_a_password_the_policy_accepts_lets_them_log_in()
    {
        var token = await Oidc.AdminTokenAsync();
        var username = NewUsername();
        const string password = "Generated-Initial-Password-42";

        using var created = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Post, "/users", token, new
        {
            username,
            email = $"{username}@example.test",
            enabled = true,
            credentials = new[] { new { type = "password", value = password, temporary = false } },
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var browser = Oidc.NewBrowser();
        await Oidc.LoginAsync(browser, username, password);
    }

    private async Task<HttpResponseMessage> ResetAsync(string id, string password) =>
        await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Put, $"/users/{id}/reset-password", await Oidc.AdminTokenAsync(),
            new { type = "password", value = password, temporary = false }));

    private static string NewUsername() => "policy-" + Guid.NewGuid().ToString("N")[..8];
}

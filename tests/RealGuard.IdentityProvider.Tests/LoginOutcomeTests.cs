using System.Net;
using System.Text.Json.Nodes;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>
/// An IdP of its own whose realm holds a disabled user and a user exported by Keycloak 26 with an argon2 hash
/// (see <see cref="PasswordHashTests"/> for how the hash was made).
/// </summary>
public sealed class LoginOutcomeFixture : IAsyncLifetime
{
    public const string DisabledUser = "disabled-dora";
    public const string DisabledPassword = "dora-dev-password";
    public const string Argon2User = "argon2-ivan";

    public Oidc Oidc { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var idp = await TestIdentityProvider.StartAsync(realm =>
        {
            realm.Client(Web.ClientId).Attributes()["backchannel.logout.url"] = "";
            var users = realm["users"]!.AsArray();
            users.Add(new JsonObject
            {
                ["username"] = DisabledUser,
                ["enabled"] = false,
                ["credentials"] = new JsonArray(new JsonObject { ["type"] = "password", ["value"] = DisabledPassword }),
            });
            var argon2 = PasswordHashTests.KeycloakArgon2Credential();
            users.Add(new JsonObject
            {
                ["username"] = Argon2User,
                ["enabled"] = true,
                ["firstName"] = "Ivan",
                ["lastName"] = "Argon",
                ["credentials"] = new JsonArray(new JsonObject
                {
                    ["type"] = "password",
                    ["secretData"] = argon2.SecretData,
                    ["credentialData"] = argon2.CredentialData,
                }),
            });
        });
        Oidc = new Oidc(idp, await idp.DiscoverAsync());
    }

    public async Task DisposeAsync() => await Oidc.Idp.DisposeAsync();
}

/// <summary>What the login form answers, as Keycloak's username-password form does.</summary>
public sealed class LoginOutcomeTests(LoginOutcomeFixture fixture) : IClassFixture<LoginOutcomeFixture>
{
    private Oidc Oidc => fixture.Oidc;

    [Fact]
    public async Task A_disabled_user_with_the_right_password_is_told_the_account_is_disabled()
    {
        var page = await SubmitAsync(LoginOutcomeFixture.DisabledUser, LoginOutcomeFixture.DisabledPassword);

        Assert.True(page.ShowsLoginForm, page.ToString());
        Assert.Contains("Account is disabled, contact your administrator.", page.Document.Body!.TextContent);
    }

    [Fact]
    public async Task A_disabled_user_with_a_wrong_password_learns_nothing_about_the_account()
    {
        var page = await SubmitAsync(LoginOutcomeFixture.DisabledUser, "not-the-password");

        Assert.Contains("Invalid username or password.", page.Document.Body!.TextContent);
        Assert.DoesNotContain("disabled", page.Document.Body!.TextContent);
    }

    [Fact]
    public async Task A_user_exported_by_Keycloak_26_with_an_argon2_hash_logs_in()
    {
        using var browser = Oidc.NewBrowser();

        var login = await Oidc.LoginAsync(browser, LoginOutcomeFixture.Argon2User, PasswordHashTests.Argon2Password);

        Assert.Equal(LoginOutcomeFixture.Argon2User, login.AccessToken.String("preferred_username"));
        Assert.Equal("Ivan Argon", login.AccessToken.String("name"));
    }

    private async Task<Browser.BrowserResult> SubmitAsync(string username, string password)
    {
        using var browser = Oidc.NewBrowser();
        var page = await browser.GetAsync(Oidc.AuthorizeUrl(Web, Pkce.Create(), state: "s", nonce: "n"));
        var answer = await browser.SubmitLoginAsync(page, username, password);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer;
    }
}

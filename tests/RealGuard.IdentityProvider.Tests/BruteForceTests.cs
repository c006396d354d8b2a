using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>
/// An IdP of its own whose realm locks after 3 failures (the quick-login check off, so that the test does not depend on
/// how fast it runs); the arithmetic itself is in <see cref="BruteForceProtectorTests"/>.
/// </summary>
public sealed class BruteForceFixture : IAsyncLifetime
{
    public Oidc Oidc { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var idp = await TestIdentityProvider.StartAsync(realm =>
        {
            realm["failureFactor"] = 3;
            realm["quickLoginCheckMilliSeconds"] = 0;
            realm.Client(Web.ClientId).Attributes()["backchannel.logout.url"] = "";
        });
        Oidc = new Oidc(idp, await idp.DiscoverAsync());
    }

    public async Task DisposeAsync() => await Oidc.Idp.DisposeAsync();
}

/// <summary>Brute-force detection over HTTP: a locked user cannot log in even with the right password until an administrator clears the lockout.</summary>
public sealed class BruteForceTests(BruteForceFixture fixture) : IClassFixture<BruteForceFixture>
{
    private Oidc Oidc => fixture.Oidc;

    [Fact]
    public async Task Three_wrong_passwords_lock_the_user_until_the_admin_API_clears_the_lockout()
    {
        var token = await Oidc.AdminTokenAsync();
        var password = "target-user-password";
        var username = "target-" + Guid.NewGuid().ToString("N")[..8];
        var id = await Oidc.CreateUserAsync(username, password, EmployeeRole);
        using var browser = Oidc.NewBrowser();
        var page = await browser.GetAsync(Oidc.AuthorizeUrl(Web, Pkce.Create(), state: "s", nonce: "n"));

        for (var attempt = 0; attempt < 3; attempt++)
        {
            page = await browser.SubmitLoginAsync(page, username, "not-the-password");
            Assert.True(page.ShowsLoginForm, page.ToString());
        }

        // Locked: the right password gets the same answer as a wrong one (Keycloak does not say the account is locked).
        var locked = await browser.SubmitLoginAsync(page, username, password);
        Assert.True(locked.ShowsLoginForm, $"Expected the login form again, got {locked}");
        Assert.Contains("Invalid username or password.", locked.Document.Body!.TextContent);

        var status = await StatusAsync(id, token);
        Assert.Equal(3, status.GetProperty("numFailures").GetInt32());
        Assert.True(status.GetProperty("disabled").GetBoolean());
        Assert.True(status.GetProperty("lastFailure").GetInt64() > 0);

        using var cleared = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Delete, $"/attack-detection/brute-force/users/{id}", token));
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.False((await StatusAsync(id, token)).GetProperty("disabled").GetBoolean());

        var signedIn = await browser.SubmitLoginAsync(locked, username, password);
        Assert.True(signedIn.Code is not null, $"Expected a code once the lockout was cleared, got {signedIn}");
    }

    [Fact]
    public async Task Only_a_user_administrator_may_clear_a_lockout()
    {
        var acme = await Oidc.ClientCredentialsAsync(Acme);

        using var denied = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Delete, $"/attack-detection/brute-force/users/{BobId}", acme.AccessToken));
        using var anonymous = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Delete, $"/attack-detection/brute-force/users/{BobId}", null));

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private async Task<JsonElement> StatusAsync(string id, string token)
    {
        using var response = await Oidc.Http.SendAsync(Oidc.AdminRequest(HttpMethod.Get, $"/attack-detection/brute-force/users/{id}", token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

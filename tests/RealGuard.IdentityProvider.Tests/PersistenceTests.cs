using System.Text.Json;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>
/// An IdP of its own, used before a restart (a user created, bob logged in) and restarted on the same data folder;
/// the tests check what survived.
/// </summary>
public sealed class RestartFixture : IAsyncLifetime
{
    public const string CreatedUserPassword = "restart-user-password";

    public TestIdentityProvider Idp { get; private set; } = null!;

    public Oidc Oidc { get; private set; } = null!;

    public IReadOnlyList<string> KidsBefore { get; private set; } = [];

    public string CreatedUsername { get; } = "restart-" + Guid.NewGuid().ToString("N")[..8];

    public string CreatedUserId { get; private set; } = "";

    public LoginResult BobLogin { get; private set; } = null!;

    public Browser BobBrowser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Idp = await TestIdentityProvider.StartAsync();
        var before = new Oidc(Idp, await Idp.DiscoverAsync());
        KidsBefore = await KidsAsync(before);
        CreatedUserId = await before.CreateUserAsync(CreatedUsername, CreatedUserPassword, EmployeeRole);
        BobBrowser = before.NewBrowser();
        BobLogin = await before.LoginAsync(BobBrowser, Bob);

        await Idp.RestartAsync();

        Oidc = new Oidc(Idp, await Idp.DiscoverAsync());
    }

    public static async Task<IReadOnlyList<string>> KidsAsync(Oidc oidc)
    {
        using var jwks = JsonDocument.Parse(await oidc.JwksAsync());
        return [.. jwks.RootElement.GetProperty("keys").EnumerateArray().Select(key => key.GetProperty("kid").GetString()!)];
    }

    public async Task DisposeAsync()
    {
        BobBrowser?.Dispose();
        if (Idp is not null)
        {
            await Idp.DisposeAsync();
        }
    }
}

public sealed class PersistenceTests(RestartFixture fixture) : IClassFixture<RestartFixture>
{
    private Oidc Oidc => fixture.Oidc;

    [Fact]
    public async Task The_signing_key_survives_a_restart()
    {
        Assert.Equal(fixture.KidsBefore, await RestartFixture.KidsAsync(Oidc));

        // A token issued before the restart still validates against the JWKS served after it.
        var validation = await Jwt.ValidateAsync(fixture.BobLogin.Tokens.IdentityToken!, await Oidc.JwksAsync(), Oidc.Disco.Issuer!, Web.ClientId);
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task A_user_created_through_the_admin_API_still_logs_in_after_a_restart()
    {
        using var browser = Oidc.NewBrowser();

        var login = await Oidc.LoginAsync(browser, fixture.CreatedUsername, RestartFixture.CreatedUserPassword);

        Assert.Equal(fixture.CreatedUserId, login.AccessToken.String("sub"));
        Assert.Contains(EmployeeRole, login.AccessToken.Roles("realm_access.roles"));
    }

    [Fact]
    public async Task A_refresh_token_issued_before_a_restart_still_works()
    {
        var refreshed = await Oidc.RefreshAsync(fixture.BobLogin.RefreshToken);

        Oidc.AssertSuccess(refreshed);
        Assert.Equal(BobId, Jwt.Parse(refreshed.AccessToken).String("sub"));
        Assert.Equal(fixture.BobLogin.AccessToken.String("sid"), Jwt.Parse(refreshed.AccessToken).String("sid"));
    }

    [Fact]
    public async Task The_browser_session_survives_a_restart()
    {
        var result = await fixture.BobBrowser.GetAsync(Oidc.AuthorizeUrl(Mobile, Pkce.Create(), state: "after-restart", nonce: "n"));

        Assert.True(result.Code is not null, $"Expected SSO to survive the restart, got {result}");
    }
}

using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>Native apps (RFC 8252 §7.3): realguard-mobile registers http://127.0.0.1/callback; any port matches, as in Keycloak.</summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class LoopbackRedirectTests(IdentityProviderFixture fixture)
{
    private Oidc Oidc => fixture.Oidc;

    [Theory]
    [InlineData("http://127.0.0.1:53124/callback")]
    [InlineData("http://127.0.0.1/callback")]
    public async Task A_loopback_redirect_URI_matches_on_any_port(string redirectUri)
    {
        var client = Mobile with { RedirectUri = redirectUri };
        using var browser = Oidc.NewBrowser();

        var login = await Oidc.LoginAsync(browser, Bob, client);

        Assert.Equal(Mobile.ClientId, login.AccessToken.String("azp"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:53124/other")]
    [InlineData("http://localhost:53124/callback")]
    [InlineData("https://127.0.0.1:53124/callback")]
    public async Task Only_the_port_may_differ(string redirectUri)
    {
        using var browser = Oidc.NewBrowser();

        var result = await browser.GetAsync(Oidc.AuthorizeUrl(Mobile with { RedirectUri = redirectUri }, Pkce.Create(), state: "s", nonce: "n"));

        ErrorAssert.ErrorPageWithoutRedirect(result);
    }
}

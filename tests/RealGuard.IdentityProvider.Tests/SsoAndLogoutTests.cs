using System.Net;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

[Collection(IdentityProviderCollection.Name)]
public sealed class SsoAndLogoutTests(IdentityProviderFixture fixture)
{
    private Oidc Oidc => fixture.Oidc;

    [Fact]
    public async Task A_second_client_in_the_same_browser_gets_a_code_without_the_login_form()
    {
        using var browser = Oidc.NewBrowser();
        var web = await Oidc.LoginAsync(browser, Bob);

        var pkce = Pkce.Create();
        var result = await browser.GetAsync(Oidc.AuthorizeUrl(Mobile, pkce, state: "mobile-state", nonce: "mobile-nonce"));

        Assert.True(result.Code is not null, $"Expected a code without login, got {result}");
        Assert.Equal(Mobile.RedirectUri, result.RedirectedToBase);
        Assert.Equal("mobile-state", result.State);

        var tokens = await Oidc.ExchangeCodeAsync(Mobile, result.Code!, pkce.Verifier);
        Oidc.AssertSuccess(tokens);
        var access = Jwt.Parse(tokens.AccessToken);
        Assert.Equal(Mobile.ClientId, access.String("azp"));
        Assert.Equal(BobId, access.String("sub"));
        Assert.Equal(web.AccessToken.String("sid"), access.String("sid"));
        Assert.Equal("0", access.String("acr")); // SSO, not a fresh login: Keycloak's acr "0"
        var id = Jwt.Parse(tokens.IdentityToken);
        Assert.Equal([Mobile.ClientId], id.Strings("aud"));
        Assert.Equal("mobile-nonce", id.String("nonce"));
    }

    [Fact]
    public async Task Prompt_login_shows_the_login_form_despite_the_session()
    {
        using var browser = Oidc.NewBrowser();
        await Oidc.LoginAsync(browser, Bob);

        var page = await browser.GetAsync(Oidc.AuthorizeUrl(Web, Pkce.Create(), state: "s", nonce: "n", prompt: "login"));

        Assert.True(page.ShowsLoginForm, $"Expected the login form, got {page}");
        var again = await browser.SubmitLoginAsync(page, Bob.UserName, Bob.Password);
        Assert.True(again.Code is not null, $"Expected a code after logging in again, got {again}");
    }

    [Fact]
    public async Task Prompt_none_without_a_session_is_login_required()
    {
        using var browser = Oidc.NewBrowser();

        var result = await browser.GetAsync(Oidc.AuthorizeUrl(Web, Pkce.Create(), state: "s-none", nonce: "n", prompt: "none"));

        Assert.Equal(Web.RedirectUri, result.RedirectedToBase);
        Assert.Equal("login_required", result.Error);
        Assert.Equal("s-none", result.State);
    }

    [Fact]
    public async Task Logout_with_id_token_hint_redirects_to_the_post_logout_URI_with_state()
    {
        using var browser = Oidc.NewBrowser();
        var login = await Oidc.LoginAsync(browser, Bob);

        var logout = await browser.GetAsync(Oidc.EndSessionUrl(login.Tokens.IdentityToken, Web.PostLogoutRedirectUri, "state-after-logout"));

        Assert.Equal(HttpStatusCode.Found, logout.Status);
        Assert.Equal(Web.PostLogoutRedirectUri, logout.RedirectedToBase);
        Assert.Equal("state-after-logout", logout.State);
    }

    [Fact]
    public async Task After_logout_the_refresh_token_is_invalid_grant_and_the_login_form_shows_again()
    {
        using var browser = Oidc.NewBrowser();
        var login = await Oidc.LoginAsync(browser, Bob);

        var logout = await browser.GetAsync(Oidc.EndSessionUrl(login.Tokens.IdentityToken, Web.PostLogoutRedirectUri, "s"));
        Assert.Equal(Web.PostLogoutRedirectUri, logout.RedirectedToBase);

        var refreshed = await Oidc.RefreshAsync(login.RefreshToken);
        ErrorAssert.KeycloakJsonError(refreshed, "invalid_grant", HttpStatusCode.BadRequest);

        var page = await browser.GetAsync(Oidc.AuthorizeUrl(Web, Pkce.Create(), state: "s2", nonce: "n2"));
        Assert.True(page.ShowsLoginForm, $"Expected the login form after logout, got {page}");
    }

    [Fact]
    public async Task Logout_ends_the_session_for_every_client_of_it()
    {
        using var browser = Oidc.NewBrowser();
        var web = await Oidc.LoginAsync(browser, Bob);
        var mobilePkce = Pkce.Create();
        var mobileCode = await browser.GetAsync(Oidc.AuthorizeUrl(Mobile, mobilePkce, state: "m", nonce: "m"));
        var mobile = await Oidc.ExchangeCodeAsync(Mobile, mobileCode.Code!, mobilePkce.Verifier);
        Oidc.AssertSuccess(mobile);

        var logout = await browser.GetAsync(Oidc.EndSessionUrl(web.Tokens.IdentityToken, Web.PostLogoutRedirectUri, "s"));
        Assert.Equal(Web.PostLogoutRedirectUri, logout.RedirectedToBase);

        ErrorAssert.KeycloakJsonError(await Oidc.RefreshAsync(mobile.RefreshToken!, Mobile), "invalid_grant");
    }

    [Fact]
    public async Task An_unregistered_post_logout_redirect_URI_gets_an_error_page_and_no_redirect()
    {
        using var browser = Oidc.NewBrowser();
        var login = await Oidc.LoginAsync(browser, Bob);

        var result = await browser.GetAsync(Oidc.EndSessionUrl(login.Tokens.IdentityToken, "http://evil.example/after-logout", "s"));

        ErrorAssert.ErrorPageWithoutRedirect(result);
        // And the session is still there.
        Oidc.AssertSuccess(await Oidc.RefreshAsync(login.RefreshToken));
    }

    [Fact]
    public async Task Logout_without_id_token_hint_asks_the_user_to_confirm()
    {
        using var browser = Oidc.NewBrowser();
        var login = await Oidc.LoginAsync(browser, Bob);

        var result = await browser.GetAsync(Oidc.Disco.EndSessionEndpoint!);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Null(result.RedirectedTo);
        Assert.NotNull(result.Document.QuerySelector("form"));
        Oidc.AssertSuccess(await Oidc.RefreshAsync(login.RefreshToken));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>Keycloak's logout endpoint beyond the id_token_hint redirect: token logout, confirmation, no session, legacy parameter.</summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class LogoutTests(IdentityProviderFixture fixture)
{
    private Oidc Oidc => fixture.Oidc;

    [Fact]
    public async Task POST_logout_with_a_refresh_token_and_client_credentials_answers_204_and_ends_the_session()
    {
        using var browser = Oidc.NewBrowser();
        var login = await Oidc.LoginAsync(browser, Bob);

        using var response = await Oidc.Http.SendAsync(LogoutRequest(login.RefreshToken, Web.ClientId, Web.Secret));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        ErrorAssert.KeycloakJsonError(await Oidc.RefreshAsync(login.RefreshToken), "invalid_grant");
        var page = await browser.GetAsync(Oidc.AuthorizeUrl(Web, Pkce.Create(), state: "s", nonce: "n"));
        Assert.True(page.ShowsLoginForm, $"Expected the login form after logout, got {page}");
    }

    [Fact]
    public async Task POST_logout_with_credentials_in_the_Basic_header_works_too()
    {
        using var browser = Oidc.NewBrowser();
        var login = await Oidc.LoginAsync(browser, Bob);
        var request = LogoutRequest(login.RefreshToken, clientId: null, secret: null);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Web.ClientId}:{Web.Secret}")));

        using var response = await Oidc.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task POST_logout_with_a_wrong_secret_is_401_and_ends_nothing()
    {
        using var browser = Oidc.NewBrowser();
        var login = await Oidc.LoginAsync(browser, Bob);

        using var response = await Oidc.Http.SendAsync(LogoutRequest(login.RefreshToken, Web.ClientId, "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await ErrorAssert.KeycloakJsonErrorAsync(response, "unauthorized_client");
        Assert.Equal("Invalid client or Invalid client credentials", error.GetProperty("error_description").GetString());
        Oidc.AssertSuccess(await Oidc.RefreshAsync(login.RefreshToken));
    }

    [Fact]
    public async Task POST_logout_with_a_refresh_token_of_another_client_or_a_forged_one_is_invalid_grant()
    {
        using var browser = Oidc.NewBrowser();
        var login = await Oidc.LoginAsync(browser, Bob);

        using var otherClient = await Oidc.Http.SendAsync(LogoutRequest(login.RefreshToken, Mobile.ClientId, null));
        using var forged = await Oidc.Http.SendAsync(LogoutRequest(login.RefreshToken[..^4] + "AAAA", Web.ClientId, Web.Secret));
        using var missing = await Oidc.Http.SendAsync(LogoutRequest("", Web.ClientId, Web.Secret));

        await ErrorAssert.KeycloakJsonErrorAsync(otherClient, "invalid_grant");
        await ErrorAssert.KeycloakJsonErrorAsync(forged, "invalid_grant");
        await ErrorAssert.KeycloakJsonErrorAsync(missing, "invalid_request");
        Oidc.AssertSuccess(await Oidc.RefreshAsync(login.RefreshToken));
    }

    [Fact]
    public async Task Without_a_session_logout_with_client_id_redirects_to_the_registered_URI_at_once()
    {
        using var browser = Oidc.NewBrowser();

        var result = await browser.GetAsync(Oidc.Disco.EndSessionEndpoint + "?client_id=" + Web.ClientId +
            "&post_logout_redirect_uri=" + Uri.EscapeDataString(Web.PostLogoutRedirectUri!) + "&state=after");

        Assert.Equal(Web.PostLogoutRedirectUri, result.RedirectedToBase);
        Assert.Equal("after", result.State);
    }

    [Fact]
    public async Task The_confirmation_form_logs_out_and_redirects_with_its_session_code()
    {
        using var browser = Oidc.NewBrowser();
        var login = await Oidc.LoginAsync(browser, Bob);
        var page = await browser.GetAsync(Oidc.Disco.EndSessionEndpoint + "?client_id=" + Web.ClientId +
            "&post_logout_redirect_uri=" + Uri.EscapeDataString(Web.PostLogoutRedirectUri!) + "&state=confirmed");
        Assert.NotNull(page.Document.QuerySelector("form#kc-logout-confirm input[name=session_code]"));

        var result = await browser.SubmitFormAsync(page, "kc-logout-confirm");

        Assert.Equal(Web.PostLogoutRedirectUri, result.RedirectedToBase);
        Assert.Equal("confirmed", result.State);
        ErrorAssert.KeycloakJsonError(await Oidc.RefreshAsync(login.RefreshToken), "invalid_grant");
    }

    [Fact]
    public async Task A_cross_site_form_without_the_session_code_logs_nobody_out()
    {
        using var browser = Oidc.NewBrowser();
        var login = await Oidc.LoginAsync(browser, Bob);

        var result = await browser.PostAsync(Oidc.Disco.EndSessionEndpoint!, [KeyValuePair.Create("confirmLogout", "Logout")]);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.NotNull(result.Document.QuerySelector("form#kc-logout-confirm"));
        Oidc.AssertSuccess(await Oidc.RefreshAsync(login.RefreshToken));
    }

    [Fact]
    public async Task The_legacy_redirect_uri_parameter_is_a_400_page()
    {
        using var browser = Oidc.NewBrowser();

        var result = await browser.GetAsync(Oidc.Disco.EndSessionEndpoint + "?redirect_uri=" + Uri.EscapeDataString(Web.PostLogoutRedirectUri!));

        ErrorAssert.ErrorPageWithoutRedirect(result);
        Assert.Contains("Invalid parameter: redirect_uri", result.Body);
    }

    [Fact]
    public async Task The_SSO_cookies_are_set_on_the_realm_path_as_Keycloak_sets_them()
    {
        using var browser = Oidc.NewBrowser();
        await Oidc.LoginAsync(browser, Bob);

        var cookies = browser.Cookies.GetAllCookies();

        var identity = Assert.Single(cookies, c => c.Name == "KEYCLOAK_IDENTITY");
        var session = Assert.Single(cookies, c => c.Name == "KEYCLOAK_SESSION");
        Assert.Equal("/realms/realguard/", identity.Path);
        Assert.Equal("/realms/realguard/", session.Path);
        Assert.True(identity.HttpOnly);
        Assert.False(session.HttpOnly);
    }

    private HttpRequestMessage LogoutRequest(string refreshToken, string? clientId, string? secret)
    {
        var fields = new Dictionary<string, string> { ["refresh_token"] = refreshToken };
        if (clientId is not null)
        {
            fields["client_id"] = clientId;
        }
        if (secret is not null)
        {
            fields["client_secret"] = secret;
        }
        return new HttpRequestMessage(HttpMethod.Post, Oidc.Disco.EndSessionEndpoint) { Content = new FormUrlEncodedContent(fields) };
    }
}

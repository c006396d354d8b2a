using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RealGuard.Web.Tests.Infrastructure;

namespace RealGuard.Web.Tests.Bff;

/// <summary>The BFF against the real identity provider: login, the session endpoint, forwarding, logout.</summary>
[Collection(WebStackCollection.Name)]
public sealed class LoginAndSessionTests(WebStackFixture fixture)
{
    [Fact]
    public async Task After_login_the_cookie_holds_only_a_reference_and_the_session_endpoint_no_token()
    {
        using var browser = new WebBrowser(fixture.WebUrl);

        var landed = await browser.LoginAsync("bob", returnUrl: "/profile");

        Assert.Equal(HttpStatusCode.OK, landed.Status);
        Assert.Equal(new Uri(fixture.WebUrl + "/profile"), landed.Url);
        var cookie = browser.SessionCookie;
        Assert.NotNull(cookie);
        Assert.True(cookie.Length < 600, $"The session cookie is {cookie.Length} characters: it should hold a reference, not tokens.");
        Assert.DoesNotContain("eyJ", cookie);

        using var session = await SessionAsync(browser);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        var body = await session.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("bob", json.GetProperty("userName").GetString());
        Assert.Equal("d6f42c7f-bad2-53a9-9849-9004c1363fce", json.GetProperty("userId").GetString());
        Assert.Contains("REALGUARDIO_CUSTOMER_EMPLOYEE", json.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.True(json.GetProperty("accessTokenExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddSeconds(-WebStackFixture.AccessTokenLifetimeSeconds));
        Assert.True(json.GetProperty("sessionExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(9));
        Assert.DoesNotContain("eyJ", body); // no JWT of any kind
        Assert.DoesNotContain("token\":", body);
        Assert.DoesNotContain("realguard_session", body);
    }

    [Fact]
    public async Task The_session_endpoint_requires_the_antiforgery_header_and_a_user()
    {
        using var browser = new WebBrowser(fixture.WebUrl);

        using var anonymous = await SessionAsync(browser);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        await browser.LoginAsync("dave");
        using var withoutHeader = await browser.Http.GetAsync("/bff/session");
        Assert.Equal(HttpStatusCode.BadRequest, withoutHeader.StatusCode);
        Assert.Contains("X-CSRF", await withoutHeader.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_forwards_with_the_users_access_token_and_without_the_browsers_cookies()
    {
        using var browser = new WebBrowser(fixture.WebUrl);
        await browser.LoginAsync("carol");

        using var response = await ApiAsync(browser, "/api/security-system-service/securitysystems?state=ARMED");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("securitySystems").GetArrayLength());
        var call = fixture.Service.Calls.Last(c => c.Claim("preferred_username") == "carol");
        Assert.Equal("/securitysystems?state=ARMED", call.PathAndQuery);
        Assert.Equal("realguard-web", call.Claim("azp"));
        Assert.Contains("realguard-api", call.Claim("aud"));
        Assert.Empty(call.Cookie);
        Assert.False(call.HasCsrfHeader);
    }

    [Fact]
    public async Task The_api_refuses_calls_without_the_header_without_a_user_and_to_unknown_services()
    {
        using var browser = new WebBrowser(fixture.WebUrl);
        using var anonymous = await ApiAsync(browser, "/api/security-system-service/securitysystems");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        await browser.LoginAsync("bob");
        using var withoutHeader = await browser.Http.GetAsync("/api/security-system-service/securitysystems");
        Assert.Equal(HttpStatusCode.BadRequest, withoutHeader.StatusCode);
        using var unknown = await ApiAsync(browser, "/api/keycloak/admin/realms");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_return_url_of_another_site_is_ignored()
    {
        using var browser = new WebBrowser(fixture.WebUrl);

        var landed = await browser.LoginAsync("bob", returnUrl: "https://evil.example/");

        Assert.Equal(new Uri(fixture.WebUrl + "/"), landed.Url);
    }

    [Fact]
    public async Task Logout_needs_the_antiforgery_token_ends_the_session_here_and_at_the_identity_provider()
    {
        using var browser = new WebBrowser(fixture.WebUrl);
        var home = await browser.LoginAsync("bob");

        using var forged = await browser.Http.PostAsync("/authentication/logout", new FormUrlEncodedContent([KeyValuePair.Create("returnUrl", "/")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using (var stillIn = await SessionAsync(browser))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }

        var form = (AngleSharp.Html.Dom.IHtmlFormElement)home.Document.GetElementById("logout-form")!;
        var afterLogout = await browser.SubmitAsync(home, form);

        Assert.Equal(new Uri(fixture.WebUrl + "/"), afterLogout.Url); // back from the IAM's logout
        using var ended = await SessionAsync(browser);
        Assert.Equal(HttpStatusCode.Unauthorized, ended.StatusCode);
        var login = await browser.GetAsync("/authentication/login");
        Assert.True(login.LoginForm is not null, $"A new login must ask for credentials again, got {login}");
    }

    internal static Task<HttpResponseMessage> SessionAsync(WebBrowser browser) => ApiAsync(browser, "/bff/session");

    internal static Task<HttpResponseMessage> ApiAsync(WebBrowser browser, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-CSRF", "1");
        return browser.Http.SendAsync(request);
    }
}

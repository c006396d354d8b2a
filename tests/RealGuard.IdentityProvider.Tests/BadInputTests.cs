using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>Wrong and malformed input: an error a client can read, never a redirect to an unknown place, never a 500.</summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class BadInputTests(IdentityProviderFixture fixture)
{
    private Oidc Oidc => fixture.Oidc;

    [Fact]
    public async Task An_unknown_client_id_gets_an_error_page_and_no_redirect()
    {
        using var browser = Oidc.NewBrowser();

        var result = await browser.GetAsync(Oidc.AuthorizeUrl(Web, Pkce.Create(), state: "s", clientId: "no-such-client"));

        ErrorAssert.ErrorPageWithoutRedirect(result);
    }

    [Theory]
    [InlineData("http://evil.example/signin-oidc")]
    [InlineData("http://localhost:5080/signin-oidc/more")]
    [InlineData("http://localhost:5080/signin-oidc?x=1")]
    [InlineData("realguard://callback")] // another client's
    [InlineData("not a uri")]
    public async Task An_unregistered_redirect_uri_gets_an_error_page_and_no_redirect(string redirectUri)
    {
        using var browser = Oidc.NewBrowser();

        var result = await browser.GetAsync(Oidc.AuthorizeUrl(Web, Pkce.Create(), state: "s", redirectUri: redirectUri));

        ErrorAssert.ErrorPageWithoutRedirect(result);
    }

    [Fact]
    public async Task An_authorize_request_without_parameters_gets_an_error_page_and_no_redirect()
    {
        using var browser = Oidc.NewBrowser();

        var result = await browser.GetAsync(Oidc.Disco.AuthorizeEndpoint!);

        ErrorAssert.ErrorPageWithoutRedirect(result);
    }

    [Theory]
    [InlineData("bob", "wrong-password")]
    [InlineData("nobody", "bob-dev-password")]
    [InlineData("", "")]
    public async Task Wrong_credentials_show_the_login_page_again_with_the_error(string username, string password)
    {
        using var browser = Oidc.NewBrowser();
        var page = await browser.GetAsync(Oidc.AuthorizeUrl(Web, Pkce.Create(), state: "s", nonce: "n"));
        Assert.True(page.ShowsLoginForm, page.ToString());

        var again = await browser.SubmitLoginAsync(page, username, password);

        Assert.True(again.ShowsLoginForm, $"Expected the login form again, got {again}");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("Invalid username or password.", again.Document.Body!.TextContent);

        // The form still works: the right password now signs in.
        var signedIn = await browser.SubmitLoginAsync(again, Bob.UserName, Bob.Password);
        Assert.True(signedIn.Code is not null, $"Expected a code, got {signedIn}");
    }

    [Fact]
    public async Task A_login_form_post_without_its_login_session_is_an_error_page_not_a_500()
    {
        using var browser = Oidc.NewBrowser();
        var page = await browser.GetAsync(Oidc.AuthorizeUrl(Web, Pkce.Create(), state: "s", nonce: "n"));

        using var stranger = Oidc.NewBrowser(); // no AUTH_SESSION_ID cookie
        var result = await stranger.SubmitLoginAsync(page, Bob.UserName, Bob.Password);

        Assert.Null(result.Code);
        Assert.NotEqual(HttpStatusCode.InternalServerError, result.Status);
        Assert.Null(result.RedirectedTo);
    }

    public static TheoryData<string> MalformedTokenRequests => [.. TokenRequests.Keys];

    private static readonly Dictionary<string, Func<HttpRequestMessage>> TokenRequests = new()
    {
        ["missing grant_type"] = () => Form(("client_id", Web.ClientId), ("client_secret", Web.Secret!), ("code", "abc")),
        ["unknown grant_type"] = () => Form(("grant_type", "urn:example:unknown"), ("client_id", Web.ClientId), ("client_secret", Web.Secret!)),
        ["empty form body"] = () => Form(),
        ["no body"] = () => new HttpRequestMessage(HttpMethod.Post, ""),
        ["JSON body"] = () => new HttpRequestMessage(HttpMethod.Post, "")
        {
            Content = new StringContent("""{"grant_type":"client_credentials","client_id":"acme-integration","client_secret":"acme-integration-dev-secret"}""",
                Encoding.UTF8, "application/json"),
        },
        ["text body"] = () => new HttpRequestMessage(HttpMethod.Post, "") { Content = new StringContent("grant_type=client_credentials", Encoding.UTF8, "text/plain") },
        ["garbage code"] = () => Form(("grant_type", "authorization_code"), ("code", "garbage"), ("redirect_uri", Web.RedirectUri),
            ("code_verifier", Pkce.Create().Verifier), ("client_id", Web.ClientId), ("client_secret", Web.Secret!)),
        ["code missing"] = () => Form(("grant_type", "authorization_code"), ("redirect_uri", Web.RedirectUri), ("client_id", Web.ClientId), ("client_secret", Web.Secret!)),
        ["JWT-looking garbage code"] = () => Form(("grant_type", "authorization_code"), ("code", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."),
            ("redirect_uri", Web.RedirectUri), ("code_verifier", Pkce.Create().Verifier), ("client_id", Web.ClientId), ("client_secret", Web.Secret!)),
        ["garbage refresh token"] = () => Form(("grant_type", "refresh_token"), ("refresh_token", "garbage"), ("client_id", Web.ClientId), ("client_secret", Web.Secret!)),
        ["huge scope"] = () => Form(("grant_type", "client_credentials"), ("client_id", Acme.ClientId), ("client_secret", Acme.Secret!),
            ("scope", string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"scope{i}")))),
        ["unknown scope"] = () => Form(("grant_type", "client_credentials"), ("client_id", Acme.ClientId), ("client_secret", Acme.Secret!), ("scope", "no-such-scope")),
        ["duplicate grant_type"] = () => Form(("grant_type", "client_credentials"), ("grant_type", "client_credentials"), ("client_id", Acme.ClientId), ("client_secret", Acme.Secret!)),
        ["Basic header and client_secret in the body"] = () => WithBasic(Form(("grant_type", "client_credentials"), ("client_id", Acme.ClientId), ("client_secret", Acme.Secret!)), Acme),
        ["malformed Basic header"] = () =>
        {
            var request = Form(("grant_type", "client_credentials"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "%%%not-base64");
            return request;
        },
        ["password grant without username"] = () => Form(("grant_type", "password"), ("client_id", Web.ClientId), ("client_secret", Web.Secret!)),
        ["public client with a secret it does not have"] = () => Form(("grant_type", "refresh_token"), ("refresh_token", "x"), ("client_id", Mobile.ClientId), ("client_secret", "x")),
    };

    [Theory]
    [MemberData(nameof(MalformedTokenRequests))]
    public async Task A_malformed_token_request_is_a_Keycloak_JSON_error(string name)
    {
        using var request = TokenRequests[name]();
        request.RequestUri = new Uri(Oidc.Disco.TokenEndpoint!);

        using var response = await Oidc.Http.SendAsync(request);

        await ErrorAssert.KeycloakJsonErrorAsync(response, context: name);
    }

    [Fact]
    public async Task A_GET_on_the_token_endpoint_is_not_a_500()
    {
        using var response = await Oidc.Http.GetAsync(Oidc.Disco.TokenEndpoint + "?grant_type=client_credentials&client_id=acme-integration");

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    public static TheoryData<string, string> MalformedRevocationAndIntrospectionRequests => new()
    {
        { "revoke", "no client" },
        { "revoke", "wrong secret" },
        { "revoke", "empty body" },
        { "revoke", "JSON body" },
        { "revoke", "no token" },
        { "introspect", "no client" },
        { "introspect", "wrong secret" },
        { "introspect", "empty body" },
        { "introspect", "JSON body" },
        { "introspect", "no token" },
    };

    [Theory]
    [MemberData(nameof(MalformedRevocationAndIntrospectionRequests))]
    public async Task A_malformed_revocation_or_introspection_request_is_a_Keycloak_JSON_error(string endpoint, string name)
    {
        var address = endpoint == "revoke" ? Oidc.Disco.RevocationEndpoint! : Oidc.Disco.IntrospectionEndpoint!;
        using var request = name switch
        {
            "no client" => Form(("token", "abc")),
            "wrong secret" => Form(("token", "abc"), ("client_id", Web.ClientId), ("client_secret", "wrong")),
            "empty body" => Form(),
            "JSON body" => new HttpRequestMessage(HttpMethod.Post, "")
            {
                Content = new StringContent("""{"token":"abc","client_id":"realguard-web","client_secret":"realguard-web-dev-secret"}""", Encoding.UTF8, "application/json"),
            },
            "no token" => Form(("client_id", Web.ClientId), ("client_secret", Web.Secret!)),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        request.RequestUri = new Uri(address);

        using var response = await Oidc.Http.SendAsync(request);

        await ErrorAssert.KeycloakJsonErrorAsync(response, context: $"{endpoint}: {name}");
    }

    [Fact]
    public async Task A_wrong_secret_at_revocation_and_introspection_is_401_unauthorized_client()
    {
        foreach (var address in new[] { Oidc.Disco.RevocationEndpoint!, Oidc.Disco.IntrospectionEndpoint! })
        {
            using var request = Form(("token", "abc"), ("client_id", Web.ClientId), ("client_secret", "wrong"));
            request.RequestUri = new Uri(address);
            using var response = await Oidc.Http.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            await ErrorAssert.KeycloakJsonErrorAsync(response, "unauthorized_client", address);
        }
    }

    private static HttpRequestMessage Form(params (string Key, string Value)[] fields) =>
        new(HttpMethod.Post, "") { Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))) };

    private static HttpRequestMessage WithBasic(HttpRequestMessage request, TestClient client)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(client.ClientId)}:{Uri.EscapeDataString(client.Secret!)}")));
        return request;
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>Code flow with PKCE through the login form, for bob at realguard-web: the tokens a client receives.</summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class CodeFlowTests(IdentityProviderFixture fixture)
{
    private Oidc Oidc => fixture.Oidc;

    [Fact]
    public async Task The_access_token_is_an_RS256_JWT_with_a_kid_signed_by_the_realm_key()
    {
        var login = await LoginBobAsync();
        var token = login.AccessToken;

        Assert.Equal("JWT", token.HeaderValue("typ"));
        Assert.Equal("RS256", token.HeaderValue("alg"));
        using var jwks = JsonDocument.Parse(await Oidc.JwksAsync());
        Assert.Contains(token.HeaderValue("kid"), jwks.RootElement.GetProperty("keys").EnumerateArray().Select(key => key.GetProperty("kid").GetString()));

        var validation = await Jwt.ValidateAsync(token.Raw, await Oidc.JwksAsync(), Oidc.Disco.Issuer!, ApiAudience);
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task The_access_token_carries_Keycloak_claims()
    {
        var login = await LoginBobAsync();
        var token = login.AccessToken;

        foreach (var claim in new[]
        {
            "exp", "iat", "jti", "iss", "aud", "sub", "typ", "azp", "sid", "scope", "acr", "allowed-origins", "realm_access",
            "resource_access", "preferred_username", "name", "given_name", "family_name", "email", "email_verified",
        })
        {
            Assert.True(token.Has(claim), $"No '{claim}' in {token.Payload}");
        }

        Assert.Equal(Oidc.Disco.Issuer, token.String("iss"));
        Assert.Contains(ApiAudience, token.Strings("aud"));
        Assert.Equal(BobId, token.String("sub"));
        Assert.Equal("Bearer", token.String("typ"));
        Assert.Equal(Web.ClientId, token.String("azp"));
        Assert.Equal(login.Tokens.Json?.GetProperty("session_state").GetString(), token.String("sid"));
        Assert.Contains("openid", token.String("scope")!.Split(' '));
        Assert.Equal("1", token.String("acr"));
        Assert.Contains("http://localhost:5080", token.Strings("allowed-origins"));
        Assert.Contains(EmployeeRole, token.Roles("realm_access.roles"));
        Assert.Equal(JsonValueKind.Object, token.Claim("resource_access").ValueKind);
        Assert.Equal("bob", token.String("preferred_username"));
        Assert.Equal("Bob", token.String("given_name"));
        Assert.Equal("Brown", token.String("family_name"));
        Assert.Equal("Bob Brown", token.String("name"));
        Assert.Equal("bob@acme.example", token.String("email"));
        Assert.True(token.Claim("email_verified").GetBoolean());
        Assert.Equal(120, token.Claim("exp").GetInt64() - token.Claim("iat").GetInt64());
        Assert.True(Guid.TryParse(token.String("jti"), out _) || token.String("jti")!.Length > 0);
    }

    [Fact]
    public async Task The_access_token_has_no_OpenIddict_private_claims_and_no_client_id()
    {
        var login = await LoginBobAsync();

        Assert.DoesNotContain(login.AccessToken.ClaimNames, name => name.StartsWith("oi_", StringComparison.Ordinal));
        Assert.DoesNotContain("client_id", login.AccessToken.ClaimNames);
        Assert.DoesNotContain(login.IdToken.ClaimNames, name => name.StartsWith("oi_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ID_token_is_Keycloak_shaped_for_the_client()
    {
        var login = await LoginBobAsync();
        var id = login.IdToken;

        Assert.Equal("RS256", id.HeaderValue("alg"));
        Assert.Equal("ID", id.String("typ"));
        Assert.Equal([Web.ClientId], id.Strings("aud"));
        Assert.Equal(Web.ClientId, id.String("azp"));
        Assert.Equal(BobId, id.String("sub"));
        Assert.Equal(Oidc.Disco.Issuer, id.String("iss"));
        Assert.Equal(login.Nonce, id.String("nonce"));
        Assert.Equal(login.AccessToken.String("sid"), id.String("sid"));
        Assert.Equal(AtHash(login.Tokens.AccessToken!), id.String("at_hash"));
        Assert.False(id.Has("realm_access"), $"ID tokens carry no realm_access: {id.Payload}");

        var validation = await Jwt.ValidateAsync(id.Raw, await Oidc.JwksAsync(), Oidc.Disco.Issuer!, Web.ClientId);
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task The_token_response_has_a_refresh_token_and_Keycloak_fields()
    {
        var login = await LoginBobAsync();
        var response = login.Tokens;

        Assert.False(string.IsNullOrEmpty(response.RefreshToken));
        Assert.Equal("Bearer", response.TokenType);
        Assert.InRange(response.ExpiresIn, 110, 120);
        Assert.True(response.Json?.GetProperty("refresh_expires_in").GetInt64() > 0);
        Assert.Equal(login.AccessToken.String("sid"), response.Json?.GetProperty("session_state").GetString());
    }

    [Fact]
    public async Task The_token_response_scope_is_the_access_token_scope()
    {
        // Keycloak answers the scope the access token holds ("openid profile email" here), not every client scope,
        // and never offline_access unless it was asked for.
        var login = await LoginBobAsync();

        Assert.True(login.AccessToken.String("scope") == login.Tokens.Scope,
            $"token response scope \"{login.Tokens.Scope}\", access token scope \"{login.AccessToken.String("scope")}\"");
    }

    [Fact]
    public async Task The_login_page_has_Keycloaks_form()
    {
        using var browser = Oidc.NewBrowser();

        var page = await browser.GetAsync(Oidc.AuthorizeUrl(Web, Pkce.Create(), state: "s", nonce: "n"));

        Assert.True(page.ShowsLoginForm, page.ToString());
        var form = page.LoginForm!;
        Assert.Equal("post", form.Method);
        Assert.StartsWith("/realms/realguard/login-actions/authenticate?", new Uri(page.Url, form.GetAttribute("action")).PathAndQuery);
        Assert.Equal("text", form.QuerySelector("input#username[name=username]")?.GetAttribute("type"));
        Assert.Equal("password", form.QuerySelector("input#password[name=password]")?.GetAttribute("type"));
        Assert.Equal("submit", form.QuerySelector("#kc-login")?.GetAttribute("type"));
    }

    [Fact]
    public async Task The_authorization_response_carries_state_session_state_and_iss()
    {
        var login = await LoginBobAsync();

        // Keycloak sends session_state unless the client sets exclude.session.state.from.auth.response (realguard-web: "false").
        var redirect = login.Redirect.RedirectedTo;
        Assert.True(Oidc.Disco.Issuer == login.Redirect.Parameter("iss"), $"iss: {redirect}");
        Assert.True(login.AccessToken.String("sid") == login.Redirect.Parameter("session_state"), $"session_state (sid {login.AccessToken.String("sid")}): {redirect}");
        Assert.Null(login.Redirect.Parameter("error"));
    }

    [Fact]
    public async Task Default_client_scopes_apply_when_only_openid_is_asked_for()
    {
        // Keycloak adds a client's default scopes (profile, email, roles, the API audience...) whatever the request says.
        using var browser = Oidc.NewBrowser();
        var login = await Oidc.LoginAsync(browser, Bob, scope: "openid");

        var token = login.AccessToken;
        Assert.Equal("bob", token.String("preferred_username"));
        Assert.Equal("bob@acme.example", token.String("email"));
        Assert.Contains(ApiAudience, token.Strings("aud"));
        Assert.Contains(EmployeeRole, token.Roles("realm_access.roles"));
        Assert.Equal("bob", login.IdToken.String("preferred_username"));
    }

    private async Task<LoginResult> LoginBobAsync()
    {
        using var browser = Oidc.NewBrowser();
        return await Oidc.LoginAsync(browser, Bob);
    }

    private static string AtHash(string accessToken)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        return System.Buffers.Text.Base64Url.EncodeToString(hash.AsSpan(0, hash.Length / 2));
    }
}

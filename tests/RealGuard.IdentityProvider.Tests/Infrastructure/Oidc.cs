using System.Net.Http.Headers;
using System.Net.Http.Json;
using Duende.IdentityModel.Client;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;

namespace RealGuard.IdentityProvider.Tests.Infrastructure;

/// <summary>The flows a relying party runs against one realm of the IdP, through Duende.IdentityModel.</summary>
public sealed class Oidc(TestIdentityProvider idp, DiscoveryDocumentResponse disco)
{
    public const string UserScopes = "openid profile email";

    public TestIdentityProvider Idp { get; } = idp;

    public DiscoveryDocumentResponse Disco { get; } = disco;

    public HttpClient Http => Idp.Http;

    public Browser NewBrowser() => new(Idp);

    public string AuthorizeUrl(
        TestClient client,
        Pkce? pkce,
        string? state = null,
        string? nonce = null,
        string scope = UserScopes,
        string? prompt = null,
        string? codeChallengeMethod = "S256",
        string? redirectUri = null,
        string? clientId = null) =>
        new RequestUrl(Disco.AuthorizeEndpoint!).CreateAuthorizeUrl(
            clientId: clientId ?? client.ClientId,
            responseType: "code",
            scope: scope,
            redirectUri: redirectUri ?? client.RedirectUri,
            state: state,
            nonce: nonce,
            prompt: prompt,
            codeChallenge: pkce?.Challenge,
            codeChallengeMethod: pkce is null ? null : codeChallengeMethod);

    /// <summary>Code flow with PKCE through the login form; asserts each step and returns the tokens.</summary>
    public async Task<LoginResult> LoginAsync(Browser browser, DemoUser user, TestClient? client = null, string scope = UserScopes) =>
        await LoginAsync(browser, user.UserName, user.Password, client, scope);

    public async Task<LoginResult> LoginAsync(Browser browser, string username, string password, TestClient? client = null, string scope = UserScopes)
    {
        client ??= TestClients.Web;
        var pkce = Pkce.Create();
        var (state, nonce) = (Pkce.RandomValue(), Pkce.RandomValue());

        var redirect = await browser.LoginAsync(AuthorizeUrl(client, pkce, state, nonce, scope), username, password);
        Assert.True(redirect.Code is not null, $"Expected a code for {client.ClientId}, got {redirect}");
        Assert.Equal(client.RedirectUri, redirect.RedirectedToBase);
        Assert.Equal(state, redirect.State);

        var tokens = await ExchangeCodeAsync(client, redirect.Code!, pkce.Verifier);
        AssertSuccess(tokens);
        return new LoginResult(tokens, nonce, redirect);
    }

    public Task<TokenResponse> ExchangeCodeAsync(TestClient client, string code, string? verifier, string? redirectUri = null) =>
        Http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = Disco.TokenEndpoint,
            ClientId = client.ClientId,
            ClientSecret = client.Secret,
            Code = code,
            RedirectUri = redirectUri ?? client.RedirectUri,
            CodeVerifier = verifier,
        });

    public Task<TokenResponse> RefreshAsync(string refreshToken, TestClient? client = null)
    {
        client ??= TestClients.Web;
        return Http.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = Disco.TokenEndpoint,
            ClientId = client.ClientId,
            ClientSecret = client.Secret,
            RefreshToken = refreshToken,
        });
    }

    public Task<TokenResponse> ClientCredentialsAsync(TestClient client, string? secret = null) =>
        Http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = Disco.TokenEndpoint,
            ClientId = client.ClientId,
            ClientSecret = secret ?? client.Secret,
        });

    public Task<TokenRevocationResponse> RevokeAsync(string token, string tokenTypeHint, TestClient? client = null)
    {
        client ??= TestClients.Web;
        return Http.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = Disco.RevocationEndpoint,
            ClientId = client.ClientId,
            ClientSecret = client.Secret,
            Token = token,
            TokenTypeHint = tokenTypeHint,
        });
    }

    public Task<TokenIntrospectionResponse> IntrospectAsync(string token, TestClient? client = null)
    {
        client ??= TestClients.Web;
        return Http.IntrospectTokenAsync(new TokenIntrospectionRequest
        {
            Address = Disco.IntrospectionEndpoint,
            ClientId = client.ClientId,
            ClientSecret = client.Secret,
            Token = token,
        });
    }

    public Task<UserInfoResponse> UserInfoAsync(string accessToken) =>
        Http.GetUserInfoAsync(new UserInfoRequest { Address = Disco.UserInfoEndpoint, Token = accessToken });

    public string EndSessionUrl(string? idTokenHint, string? postLogoutRedirectUri, string? state) =>
        new RequestUrl(Disco.EndSessionEndpoint!).CreateEndSessionUrl(idTokenHint, postLogoutRedirectUri, state);

    public async Task<string> JwksAsync() => await Http.GetStringAsync(Disco.JwksUri);

    /// <summary>A token for the customer-service service account, which may manage users.</summary>
    public async Task<string> AdminTokenAsync()
    {
        var response = await ClientCredentialsAsync(TestClients.CustomerService);
        AssertSuccess(response);
        return response.AccessToken!;
    }

    public HttpRequestMessage AdminRequest(HttpMethod method, string path, string? accessToken, object? json = null)
    {
        var request = new HttpRequestMessage(method, Idp.AdminUrl() + path);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }
        return request;
    }

    /// <summary>Creates an enabled user with a password and the employee role through the admin API; returns its id.</summary>
    public async Task<string> CreateUserAsync(string username, string password, params string[] realmRoles)
    {
        var token = await AdminTokenAsync();
        using var created = await Http.SendAsync(AdminRequest(HttpMethod.Post, "/users", token, new
        {
            username,
            enabled = true,
            email = $"{username}@example.test",
            emailVerified = true,
            firstName = "Test",
            lastName = username,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var id = created.Headers.Location!.AbsolutePath.Split('/')[^1];

        using var reset = await Http.SendAsync(AdminRequest(HttpMethod.Put, $"/users/{id}/reset-password", token,
            new { type = "password", value = password, temporary = false }));
        Assert.Equal(System.Net.HttpStatusCode.NoContent, reset.StatusCode);

        foreach (var roleName in realmRoles)
        {
            using var roleResponse = await Http.SendAsync(AdminRequest(HttpMethod.Get, $"/roles/{roleName}", token));
            Assert.Equal(System.Net.HttpStatusCode.OK, roleResponse.StatusCode);
            var role = await roleResponse.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            using var mapped = await Http.SendAsync(AdminRequest(HttpMethod.Post, $"/users/{id}/role-mappings/realm", token, new[] { role }));
            Assert.Equal(System.Net.HttpStatusCode.NoContent, mapped.StatusCode);
        }
        return id;
    }

    public static void AssertSuccess(ProtocolResponse response) =>
        Assert.False(response.IsError, $"{(int)response.HttpStatusCode} {response.Error}: {response.Raw}");
}

public sealed record LoginResult(TokenResponse Tokens, string Nonce, Browser.BrowserResult Redirect)
{
    public Jwt AccessToken => Jwt.Parse(Tokens.AccessToken);

    public Jwt IdToken => Jwt.Parse(Tokens.IdentityToken);

    public string RefreshToken => Tokens.RefreshToken ?? throw new Xunit.Sdk.XunitException("No refresh token");
}

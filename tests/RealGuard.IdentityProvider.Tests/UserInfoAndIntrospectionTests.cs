using System.Net;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

[Collection(IdentityProviderCollection.Name)]
public sealed class UserInfoAndIntrospectionTests(IdentityProviderFixture fixture)
{
    private Oidc Oidc => fixture.Oidc;

    [Fact]
    public async Task Userinfo_answers_the_user_of_the_access_token()
    {
        var login = await LoginBobAsync();

        var userInfo = await Oidc.UserInfoAsync(login.Tokens.AccessToken!);

        Oidc.AssertSuccess(userInfo);
        Assert.Equal(BobId, userInfo.Json?.GetProperty("sub").GetString());
        Assert.Equal("bob", userInfo.Json?.GetProperty("preferred_username").GetString());
        Assert.Equal("bob@acme.example", userInfo.Json?.GetProperty("email").GetString());
        Assert.False(userInfo.Json?.TryGetProperty("realm_access", out _));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")]
    public async Task Userinfo_with_a_garbage_token_is_401(string token)
    {
        var userInfo = await Oidc.UserInfoAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, userInfo.HttpStatusCode);
    }

    [Fact]
    public async Task Userinfo_answers_a_bad_token_with_Keycloaks_Bearer_challenge()
    {
        var userInfo = await Oidc.UserInfoAsync("garbage");

        Assert.Equal(HttpStatusCode.Unauthorized, userInfo.HttpStatusCode);
        var challenge = Assert.Single(userInfo.HttpResponse!.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter);
        Assert.DoesNotContain("error_uri", challenge.Parameter);
    }

    [Fact]
    public async Task Userinfo_without_a_token_is_401()
    {
        using var response = await Oidc.Http.GetAsync(Oidc.Disco.UserInfoEndpoint);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Userinfo_with_an_ID_token_is_401()
    {
        var login = await LoginBobAsync();

        var userInfo = await Oidc.UserInfoAsync(login.Tokens.IdentityToken!);

        Assert.Equal(HttpStatusCode.Unauthorized, userInfo.HttpStatusCode);
    }

    [Fact]
    public async Task Introspection_by_the_audience_is_active_with_Keycloak_claims()
    {
        var login = await LoginBobAsync();

        var introspection = await Oidc.IntrospectAsync(login.Tokens.AccessToken!, Api);

        Oidc.AssertSuccess(introspection);
        Assert.True(introspection.IsActive, introspection.Raw);
        var json = introspection.Json!.Value;
        Assert.Equal(BobId, json.GetProperty("sub").GetString());
        Assert.Equal(Oidc.Disco.Issuer, json.GetProperty("iss").GetString());
        Assert.Equal("bob", json.GetProperty("username").GetString());
        Assert.Equal("bob", json.GetProperty("preferred_username").GetString());
        Assert.Equal(Web.ClientId, json.GetProperty("client_id").GetString());
        Assert.Equal(Web.ClientId, json.GetProperty("azp").GetString());
        Assert.Equal("Bearer", json.GetProperty("typ").GetString());
        Assert.Equal(login.AccessToken.String("sid"), json.GetProperty("sid").GetString());
        Assert.Equal(login.AccessToken.Claim("exp").GetInt64(), json.GetProperty("exp").GetInt64());
        Assert.Contains(EmployeeRole, json.GetProperty("realm_access").GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.DoesNotContain(json.EnumerateObject(), property => property.Name.StartsWith("oi_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Introspection_by_a_client_outside_the_audience_is_inactive_and_says_nothing_more()
    {
        var login = await LoginBobAsync();

        // realguard-web is the token's azp, not in its aud: Keycloak 26.6.2+ answers inactive.
        var introspection = await Oidc.IntrospectAsync(login.Tokens.AccessToken!, Web);

        Oidc.AssertSuccess(introspection);
        Assert.False(introspection.IsActive, introspection.Raw);
        Assert.Equal(["active"], introspection.Json!.Value.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Introspection_by_a_public_client_is_403()
    {
        var login = await LoginBobAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Oidc.Disco.IntrospectionEndpoint)
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("token", login.Tokens.AccessToken!), KeyValuePair.Create("client_id", Mobile.ClientId)]),
        };

        using var response = await Oidc.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = await ErrorAssert.KeycloakJsonErrorAsync(response, "invalid_request");
        Assert.Equal("Client not allowed.", error.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Userinfo_with_a_token_without_the_openid_scope_is_403_insufficient_scope()
    {
        var serviceToken = await Oidc.ClientCredentialsAsync(Acme);

        using var request = new HttpRequestMessage(HttpMethod.Get, Oidc.Disco.UserInfoEndpoint);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", serviceToken.AccessToken);
        using var response = await Oidc.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = await ErrorAssert.KeycloakJsonErrorAsync(response, "insufficient_scope");
        Assert.Equal("Missing openid scope", error.GetProperty("error_description").GetString());
        Assert.Contains("error=\"insufficient_scope\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Introspection_of_a_garbage_token_is_inactive()
    {
        var introspection = await Oidc.IntrospectAsync("garbage");

        Oidc.AssertSuccess(introspection);
        Assert.False(introspection.IsActive, introspection.Raw);
    }

    [Fact]
    public async Task After_logout_the_access_token_is_inactive_at_introspection_and_userinfo()
    {
        using var browser = Oidc.NewBrowser();
        var login = await Oidc.LoginAsync(browser, Bob);

        var logout = await browser.GetAsync(Oidc.EndSessionUrl(login.Tokens.IdentityToken, Web.PostLogoutRedirectUri, "bye"));
        Assert.Equal(Web.PostLogoutRedirectUri, logout.RedirectedToBase);

        var introspection = await Oidc.IntrospectAsync(login.Tokens.AccessToken!, Api);
        Oidc.AssertSuccess(introspection);
        Assert.False(introspection.IsActive, introspection.Raw);

        var userInfo = await Oidc.UserInfoAsync(login.Tokens.AccessToken!);
        Assert.Equal(HttpStatusCode.Unauthorized, userInfo.HttpStatusCode);
    }

    private async Task<LoginResult> LoginBobAsync()
    {
        using var browser = Oidc.NewBrowser();
        return await Oidc.LoginAsync(browser, Bob);
    }
}

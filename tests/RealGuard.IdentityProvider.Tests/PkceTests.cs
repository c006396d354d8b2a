using System.Net;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>PKCE as realguard-web (confidential, S256 required) and realguard-mobile (public, S256 required) meet it.</summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class PkceTests(IdentityProviderFixture fixture)
{
    private Oidc Oidc => fixture.Oidc;

    [Theory]
    [InlineData("realguard-web")]
    [InlineData("realguard-mobile")]
    public async Task An_authorize_request_without_code_challenge_is_answered_with_an_error_redirect(string clientId)
    {
        var client = clientId == Web.ClientId ? Web : Mobile;
        using var browser = Oidc.NewBrowser();

        var result = await browser.GetAsync(Oidc.AuthorizeUrl(client, pkce: null, state: "s-123", nonce: "n"));

        Assert.True(result.RedirectedTo is not null, $"Expected an error redirect to the client, got {result}");
        Assert.Equal(client.RedirectUri, result.RedirectedToBase);
        Assert.Equal("invalid_request", result.Error);
        Assert.Equal("s-123", result.State);
        Assert.Null(result.Code);
    }

    [Fact]
    public async Task The_plain_code_challenge_method_is_rejected()
    {
        var pkce = Pkce.Create();
        using var browser = Oidc.NewBrowser();

        var result = await browser.GetAsync(Oidc.AuthorizeUrl(Web, pkce with { Challenge = pkce.Verifier }, state: "s-plain", codeChallengeMethod: "plain"));

        Assert.True(result.RedirectedTo is not null, $"Expected an error redirect to the client, got {result}");
        Assert.Equal(Web.RedirectUri, result.RedirectedToBase);
        Assert.Equal("invalid_request", result.Error);
        Assert.Null(result.Code);
        Assert.False(result.ShowsLoginForm);
    }

    public static TheoryData<string> RejectedAuthorizeRequests => ["no code_challenge", "plain method", "unknown scope"];

    [Theory]
    [MemberData(nameof(RejectedAuthorizeRequests))]
    public async Task An_error_redirect_is_Keycloaks_error_state_and_iss_without_error_uri(string name)
    {
        var pkce = Pkce.Create();
        var url = name switch
        {
            "no code_challenge" => Oidc.AuthorizeUrl(Web, pkce: null, state: "s-err"),
            "plain method" => Oidc.AuthorizeUrl(Web, pkce with { Challenge = pkce.Verifier }, state: "s-err", codeChallengeMethod: "plain"),
            "unknown scope" => Oidc.AuthorizeUrl(Web, pkce, state: "s-err", scope: "openid no-such-scope"),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        using var browser = Oidc.NewBrowser();

        var result = await browser.GetAsync(url);

        Assert.Equal(Web.RedirectUri, result.RedirectedToBase);
        Assert.False(string.IsNullOrEmpty(result.Error), result.ToString());
        Assert.False(string.IsNullOrEmpty(result.Parameter("error_description")), result.ToString());
        Assert.Equal("s-err", result.State);
        Assert.Equal(Oidc.Disco.Issuer, result.Parameter("iss"));
        Assert.True(result.Parameter("error_uri") is null, $"Keycloak sends no error_uri: {result.RedirectedTo}");
    }

    [Fact]
    public async Task A_wrong_code_verifier_is_invalid_grant()
    {
        var (code, _) = await CodeForBobAsync();

        var response = await Oidc.ExchangeCodeAsync(Web, code, Pkce.Create().Verifier);

        ErrorAssert.KeycloakJsonError(response, "invalid_grant", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_missing_code_verifier_is_invalid_grant()
    {
        var (code, _) = await CodeForBobAsync();

        var response = await Oidc.ExchangeCodeAsync(Web, code, verifier: null);

        ErrorAssert.KeycloakJsonError(response, "invalid_grant", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_code_is_redeemed_once_only()
    {
        var (code, pkce) = await CodeForBobAsync();

        var first = await Oidc.ExchangeCodeAsync(Web, code, pkce.Verifier);
        var second = await Oidc.ExchangeCodeAsync(Web, code, pkce.Verifier);

        Oidc.AssertSuccess(first);
        ErrorAssert.KeycloakJsonError(second, "invalid_grant", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_failed_exchange_with_a_wrong_verifier_spends_the_code()
    {
        var (code, pkce) = await CodeForBobAsync();

        var wrong = await Oidc.ExchangeCodeAsync(Web, code, Pkce.Create().Verifier);
        var right = await Oidc.ExchangeCodeAsync(Web, code, pkce.Verifier);

        ErrorAssert.KeycloakJsonError(wrong, "invalid_grant", HttpStatusCode.BadRequest);
        var spent = ErrorAssert.KeycloakJsonError(right, "invalid_grant", HttpStatusCode.BadRequest);
        Assert.Equal("Code not valid", spent.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task A_failed_exchange_with_a_wrong_redirect_uri_spends_the_code()
    {
        var (code, pkce) = await CodeForBobAsync();

        var wrong = await Oidc.ExchangeCodeAsync(Web, code, pkce.Verifier, redirectUri: "http://localhost:5080/other");
        var right = await Oidc.ExchangeCodeAsync(Web, code, pkce.Verifier);

        var error = ErrorAssert.KeycloakJsonError(wrong, "invalid_grant", HttpStatusCode.BadRequest);
        Assert.Equal("Incorrect redirect_uri", error.GetProperty("error_description").GetString());
        ErrorAssert.KeycloakJsonError(right, "invalid_grant", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_code_is_bound_to_its_redirect_uri_and_client()
    {
        var (code, pkce) = await CodeForBobAsync();

        var otherRedirect = await Oidc.ExchangeCodeAsync(Web, code, pkce.Verifier, redirectUri: "http://localhost:5080/other");
        Assert.True(otherRedirect.IsError, otherRedirect.Raw);
        ErrorAssert.KeycloakJsonError(otherRedirect, "invalid_grant");

        var (code2, pkce2) = await CodeForBobAsync();
        var otherClient = await Oidc.ExchangeCodeAsync(Mobile with { RedirectUri = Web.RedirectUri }, code2, pkce2.Verifier);
        ErrorAssert.KeycloakJsonError(otherClient, "invalid_grant");
    }

    private async Task<(string Code, Pkce Pkce)> CodeForBobAsync()
    {
        var pkce = Pkce.Create();
        using var browser = Oidc.NewBrowser();
        var result = await browser.LoginAsync(Oidc.AuthorizeUrl(Web, pkce, state: Pkce.RandomValue(), nonce: Pkce.RandomValue()), Bob.UserName, Bob.Password);
        Assert.True(result.Code is not null, $"Expected a code, got {result}");
        return (result.Code!, pkce);
    }
}

using System.Net;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

[Collection(IdentityProviderCollection.Name)]
public sealed class RefreshTokenTests(IdentityProviderFixture fixture)
{
    private Oidc Oidc => fixture.Oidc;

    [Fact]
    public async Task A_refresh_gives_a_new_access_token_for_the_same_user_and_session()
    {
        var login = await LoginBobAsync();

        var refreshed = await Oidc.RefreshAsync(login.RefreshToken);

        Oidc.AssertSuccess(refreshed);
        var token = Jwt.Parse(refreshed.AccessToken);
        Assert.NotEqual(login.Tokens.AccessToken, refreshed.AccessToken);
        Assert.Equal(BobId, token.String("sub"));
        Assert.Equal(login.AccessToken.String("sid"), token.String("sid"));
        Assert.Equal("Bearer", token.String("typ"));
        Assert.Equal(Web.ClientId, token.String("azp"));
        Assert.Contains(EmployeeRole, token.Roles("realm_access.roles"));
        Assert.DoesNotContain(token.ClaimNames, name => name.StartsWith("oi_", StringComparison.Ordinal));
        var validation = await Jwt.ValidateAsync(token.Raw, await Oidc.JwksAsync(), Oidc.Disco.Issuer!, ApiAudience);
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task A_refresh_rotates_the_refresh_token()
    {
        var login = await LoginBobAsync();

        var first = await Oidc.RefreshAsync(login.RefreshToken);
        Oidc.AssertSuccess(first);
        Assert.False(string.IsNullOrEmpty(first.RefreshToken));
        Assert.NotEqual(login.RefreshToken, first.RefreshToken);

        var second = await Oidc.RefreshAsync(first.RefreshToken!);
        Oidc.AssertSuccess(second);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
    }

    [Fact]
    public async Task A_refresh_token_is_shaped_as_Keycloaks()
    {
        var login = await LoginBobAsync();

        var token = Jwt.Parse(login.RefreshToken);

        Assert.Equal("HS512", token.HeaderValue("alg"));
        Assert.Equal("JWT", token.HeaderValue("typ"));
        Assert.Equal("Refresh", token.String("typ"));
        Assert.Equal(Web.ClientId, token.String("azp"));
        Assert.Equal(login.AccessToken.String("sid"), token.String("sid"));
        Assert.Equal(BobId, token.String("sub"));
        Assert.Equal(Oidc.Disco.Issuer, token.String("iss"));
        Assert.Equal([Oidc.Disco.Issuer!], token.Strings("aud"));
        Assert.Contains("openid", token.String("scope")!.Split(' '));
        Assert.DoesNotContain(token.ClaimNames, name => name.StartsWith("oi_", StringComparison.Ordinal));
        // exp is the end of the SSO session (ssoSessionIdleTimeout 1800 s), as refresh_expires_in says.
        var lifetime = token.Claim("exp").GetInt64() - token.Claim("iat").GetInt64();
        Assert.InRange(lifetime, 1795, 1800);
        Assert.InRange(login.Tokens.Json!.Value.GetProperty("refresh_expires_in").GetInt64(), 1795, 1800);
    }

    [Fact]
    public async Task With_rotation_a_used_refresh_token_is_refused_and_the_session_goes_on()
    {
        var login = await LoginBobAsync();
        var second = await Oidc.RefreshAsync(login.RefreshToken);
        Oidc.AssertSuccess(second);

        // revokeRefreshToken true, refreshTokenMaxReuse 0: the first token served its one refresh.
        var reused = await Oidc.RefreshAsync(login.RefreshToken);
        var error = ErrorAssert.KeycloakJsonError(reused, "invalid_grant", HttpStatusCode.BadRequest);
        Assert.Equal("Maximum allowed refresh token reuse exceeded", error.GetProperty("error_description").GetString());

        // As in Keycloak, a refused reuse ends nothing: the newest token still refreshes.
        var third = await Oidc.RefreshAsync(second.RefreshToken!);
        Oidc.AssertSuccess(third);

        // Now a newer token has been used: the first one is stale.
        var stale = await Oidc.RefreshAsync(login.RefreshToken);
        Assert.Equal("Stale token", ErrorAssert.KeycloakJsonError(stale, "invalid_grant").GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_invalid_grant()
    {
        var login = await LoginBobAsync();

        var revocation = await Oidc.RevokeAsync(login.RefreshToken, "refresh_token");
        Oidc.AssertSuccess(revocation);
        Assert.Equal(HttpStatusCode.OK, revocation.HttpStatusCode);

        var refreshed = await Oidc.RefreshAsync(login.RefreshToken);
        ErrorAssert.KeycloakJsonError(refreshed, "invalid_grant", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_refresh_token_is_bound_to_its_client()
    {
        var login = await LoginBobAsync();

        var refreshed = await Oidc.RefreshAsync(login.RefreshToken, Mobile);

        ErrorAssert.KeycloakJsonError(refreshed, "invalid_grant");
    }

    private async Task<LoginResult> LoginBobAsync()
    {
        using var browser = Oidc.NewBrowser();
        return await Oidc.LoginAsync(browser, Bob);
    }
}

using System.Net;
using System.Text.Json;
using Duende.IdentityModel.Client;
using RealGuard.IdentityProvider.Tests.Infrastructure;

namespace RealGuard.IdentityProvider.Tests;

[Collection(IdentityProviderCollection.Name)]
public sealed class DiscoveryTests(IdentityProviderFixture fixture)
{
    private TestIdentityProvider Idp => fixture.Idp;

    [Fact]
    public async Task The_discovery_document_passes_Duende_IdentityModel_validation_unrepaired()
    {
        // The library every .NET client here uses: it refuses the whole document if any endpoint is not an absolute URL.
        var disco = await Idp.Http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = Idp.Authority(),
            Policy = { RequireHttps = false },
        });

        Assert.False(disco.IsError, $"{disco.Error} ({disco.ErrorType})");
    }

    [Fact]
    public async Task The_issuer_is_the_realm_URL_without_a_trailing_slash()
    {
        var document = await DocumentAsync();

        Assert.Equal($"http://localhost:{Idp.Port}/realms/realguard", document.GetProperty("issuer").GetString());
        Assert.Equal(Idp.Authority(), fixture.Disco.Issuer);
    }

    [Theory]
    [InlineData("authorization_endpoint", "/protocol/openid-connect/auth")]
    [InlineData("token_endpoint", "/protocol/openid-connect/token")]
    [InlineData("jwks_uri", "/protocol/openid-connect/certs")]
    [InlineData("userinfo_endpoint", "/protocol/openid-connect/userinfo")]
    [InlineData("end_session_endpoint", "/protocol/openid-connect/logout")]
    [InlineData("revocation_endpoint", "/protocol/openid-connect/revoke")]
    [InlineData("introspection_endpoint", "/protocol/openid-connect/token/introspect")]
    public async Task Endpoints_are_at_Keycloak_paths(string entry, string path)
    {
        var document = await DocumentAsync();

        Assert.Equal(Idp.Authority() + path, document.GetProperty(entry).GetString());
    }

    [Fact]
    public void The_discovery_document_advertises_what_RealGuard_uses()
    {
        var disco = fixture.Disco;

        Assert.Contains("S256", disco.CodeChallengeMethodsSupported);
        Assert.Contains("code", disco.ResponseTypesSupported);
        Assert.Contains("authorization_code", disco.GrantTypesSupported);
        Assert.Contains("refresh_token", disco.GrantTypesSupported);
        Assert.Contains("client_credentials", disco.GrantTypesSupported);
        Assert.Contains("RS256", disco.IdTokenSigningAlgorithmsSupported);
        Assert.Contains("openid", disco.ScopesSupported);
        Assert.True(disco.BackChannelLogoutSupported);
        Assert.True(disco.BackChannelLogoutSessionSupported);
    }

    [Fact]
    public async Task The_JWKS_has_an_RS256_signing_key_with_a_kid()
    {
        using var jwks = JsonDocument.Parse(await fixture.Oidc.JwksAsync());

        var keys = jwks.RootElement.GetProperty("keys").EnumerateArray().ToList();
        Assert.Contains(keys, key =>
            key.GetProperty("kty").GetString() == "RSA" &&
            key.GetProperty("alg").GetString() == "RS256" &&
            key.GetProperty("use").GetString() == "sig" &&
            key.GetProperty("kid").GetString() is { Length: > 0 } &&
            key.TryGetProperty("n", out _) && key.TryGetProperty("e", out _));
        Assert.All(keys, key => Assert.False(key.TryGetProperty("d", out _), "The JWKS must not publish a private key"));
    }

    [Theory]
    [InlineData("/realms/no-such-realm/.well-known/openid-configuration")]
    [InlineData("/realms/no-such-realm/protocol/openid-connect/certs")]
    [InlineData("/realms/REALGUARD/.well-known/openid-configuration")]
    public async Task An_unknown_realm_is_404(string path)
    {
        using var response = await Idp.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var document = JsonDocument.Parse(await Idp.Http.GetStringAsync("/realms/realguard/.well-known/openid-configuration"));
        return document.RootElement.Clone();
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using RealGuard.IdentityProvider.Tests.Infrastructure;

namespace RealGuard.IdentityProvider.Tests;

/// <summary><c>GET /realms/{realm}</c> and the JWKS, as Keycloak serves them.</summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class PublicRealmAndKeysTests(IdentityProviderFixture fixture)
{
    private Oidc Oidc => fixture.Oidc;

    [Fact]
    public async Task The_signing_key_carries_its_certificate_and_thumbprints()
    {
        var raw = await Oidc.JwksAsync();
        using var jwks = JsonDocument.Parse(raw);
        var key = Assert.Single(jwks.RootElement.GetProperty("keys").EnumerateArray(), k => k.GetProperty("use").GetString() == "sig");

        var der = Convert.FromBase64String(Assert.Single(key.GetProperty("x5c").EnumerateArray()).GetString()!);
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        Assert.Equal(Base64UrlEncoder.Encode(SHA256.HashData(der)), key.GetProperty("x5t#S256").GetString());
        Assert.Equal(Base64UrlEncoder.Encode(SHA1.HashData(der)), key.GetProperty("x5t").GetString());
        var parameters = certificate.GetRSAPublicKey()!.ExportParameters(false);
        Assert.Equal(Base64UrlEncoder.Encode(parameters.Modulus), key.GetProperty("n").GetString());
        Assert.Equal(Base64UrlEncoder.Encode(parameters.Exponent), key.GetProperty("e").GetString());
    }

    [Fact]
    public async Task The_public_realm_names_its_key_and_services()
    {
        using var response = await Oidc.Http.GetAsync("/realms/realguard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var realm = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = realm.RootElement;
        Assert.Equal("realguard", root.GetProperty("realm").GetString());
        Assert.Equal($"{Oidc.Disco.Issuer}/protocol/openid-connect", root.GetProperty("token-service").GetString());
        Assert.Equal($"{Oidc.Disco.Issuer}/account", root.GetProperty("account-service").GetString());
        Assert.Equal(0, root.GetProperty("tokens-not-before").GetInt32());

        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(root.GetProperty("public_key").GetString()!), out _);
        var signed = await Oidc.ClientCredentialsAsync(TestClients.Acme);
        var validation = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ValidateTokenAsync(signed.AccessToken,
            new TokenValidationParameters { IssuerSigningKey = new RsaSecurityKey(rsa), ValidIssuer = Oidc.Disco.Issuer, ValidateAudience = false });
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task An_unknown_realm_is_404()
    {
        using var response = await Oidc.Http.GetAsync("/realms/no-such-realm");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

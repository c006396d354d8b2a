using System.Net;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>The realm's <c>browserSecurityHeaders</c> on the IdP's pages, as Keycloak sends them: the login page cannot be framed by another site.</summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class SecurityHeadersTests(IdentityProviderFixture fixture)
{
    private Oidc Oidc => fixture.Oidc;

    [Fact]
    public async Task The_login_page_carries_the_realms_browser_security_headers()
    {
        using var response = await Oidc.Http.GetAsync(Oidc.AuthorizeUrl(Web, Pkce.Create(), state: "s", nonce: "n"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("SAMEORIGIN", Header(response, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'self'", Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("none", Header(response, "X-Robots-Tag"));
    }

    [Fact]
    public async Task An_error_page_carries_them_too()
    {
        using var response = await Oidc.Http.GetAsync(Oidc.Disco.AuthorizeEndpoint + "?client_id=nobody&response_type=code");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SAMEORIGIN", Header(response, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'self'", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task A_JSON_answer_is_not_sniffed()
    {
        using var response = await Oidc.Http.GetAsync(Oidc.Disco.JwksUri);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : throw new Xunit.Sdk.XunitException($"No {name} header among {string.Join(", ", response.Headers.Select(h => h.Key))}");
}

using System.Net;
using RealGuard.ServiceDefaults.Tests.Infrastructure;

namespace RealGuard.ServiceDefaults.Tests;

public sealed class DiscoveryDocumentTests
{
    [Fact]
    public async Task Only_the_configured_realm_is_trusted_as_issuer_whatever_the_discovery_document_names()
    {
        await using var stack = await KeycloakStack.StartAsync();
        var advertised = $"{stack.Keycloak.BaseUrl}/realms/master";
        stack.Keycloak.AdvertisedIssuer = advertised;

        var fromAdvertised = KeycloakTokens.Sign(
            KeycloakTokens.AdminAccessToken(advertised), stack.RealmKey);
        await ResponseAssert.InvalidTokenAsync(
            await stack.Api.GetAsync("/me", fromAdvertised), fromAdvertised, "The access token was not issued by the trusted realm.");

        var fromRealm = KeycloakTokens.Sign(KeycloakTokens.AdminAccessToken(stack.Issuer), stack.RealmKey);
        Assert.Equal(HttpStatusCode.OK, (await stack.Api.GetAsync("/me", fromRealm)).StatusCode);
    }
}

using System.Net;
using System.Text.Json;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>
/// The issuer comes from <c>IdentityProvider:Hostname</c> (Keycloak's <c>KC_HOSTNAME</c>), never from the request's
/// <c>Host</c> header: a forged header changes neither discovery nor the tokens.
/// </summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class HostnameTests(IdentityProviderFixture fixture)
{
    private const string ForgedHost = "evil.example";

    [Fact]
    public async Task A_forged_Host_header_does_not_change_the_discovery_document()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/realms/realguard/.well-known/openid-configuration");
        request.Headers.Host = ForgedHost;

        using var response = await fixture.Idp.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ForgedHost, body);
        using var document = JsonDocument.Parse(body);
        Assert.Equal(fixture.Idp.Authority(), document.RootElement.GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task A_forged_Host_header_does_not_change_the_issuer_of_a_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Disco.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = Acme.ClientId,
                ["client_secret"] = Acme.Secret!,
            }),
        };
        request.Headers.Host = ForgedHost;

        using var response = await fixture.Idp.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = Jwt.Parse(document.RootElement.GetProperty("access_token").GetString());
        Assert.Equal(fixture.Idp.Authority(), token.String("iss"));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>The IdP's tokens as RealGuard's services see them, through RealGuard.ServiceDefaults' Keycloak authentication.</summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class ResourceServerTests(IdentityProviderFixture fixture) : IAsyncLifetime
{
    private Oidc Oidc => fixture.Oidc;
    private ResourceServer? server;
    private ResourceServer Server => server!;

    public async Task InitializeAsync() => server = await ResourceServer.StartAsync(fixture.Idp.BaseUrl);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_user_access_token_is_accepted_with_its_roles_mapped()
    {
        var login = await LoginBobAsync();

        using var me = await Server.GetAsync("/me", login.Tokens.AccessToken);
        using var employeesOnly = await Server.GetAsync("/employees-only", login.Tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var caller = (await me.Content.ReadFromJsonAsync<Caller>())!;
        Assert.Equal(BobId, caller.Subject);
        Assert.Equal("bob", caller.Name);
        Assert.Contains(EmployeeRole, caller.Roles);
        Assert.Equal(HttpStatusCode.OK, employeesOnly.StatusCode);
    }

    [Fact]
    public async Task A_refreshed_access_token_is_accepted()
    {
        var login = await LoginBobAsync();
        var refreshed = await Oidc.RefreshAsync(login.RefreshToken);
        Oidc.AssertSuccess(refreshed);

        using var me = await Server.GetAsync("/me", refreshed.AccessToken);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task An_ID_token_is_rejected()
    {
        var login = await LoginBobAsync();

        using var me = await Server.GetAsync("/me", login.Tokens.IdentityToken);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Theory]
    [InlineData("preferred_username", "admin")]
    [InlineData("sub", "50ae44a6-0330-58d0-aaef-6252d97dd7bd")]
    [InlineData("exp", null)]
    public async Task A_tampered_access_token_is_rejected(string claim, string? value)
    {
        var login = await LoginBobAsync();
        var parts = login.Tokens.AccessToken!.Split('.');
        var payload = JsonNode.Parse(Convert.FromBase64String(Pad(parts[1])))!.AsObject();
        payload[claim] = value is null ? payload[claim]!.GetValue<long>() + 3600 : value;
        var tampered = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";

        using var me = await Server.GetAsync("/me", tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Client_credentials_tokens_are_accepted_exactly_when_their_audience_is_the_API()
    {
        // Every service client of the realm has the realguard-api audience scope, so every one is accepted today;
        // a client whose token lacked the audience would have to be refused.
        foreach (var client in new[] { Acme, CustomerService, new TestClient("security-system-service", "security-system-service-dev-secret"), new TestClient("realguard-device", "realguard-device-dev-secret") })
        {
            var response = await Oidc.ClientCredentialsAsync(client);
            Oidc.AssertSuccess(response);
            var forApi = Jwt.Parse(response.AccessToken).Strings("aud").Contains(ApiAudience);

            using var me = await Server.GetAsync("/me", response.AccessToken);

            Assert.True((forApi ? HttpStatusCode.OK : HttpStatusCode.Unauthorized) == me.StatusCode,
                $"{client.ClientId} (aud {(forApi ? "includes" : "lacks")} {ApiAudience}): {(int)me.StatusCode}");
        }
    }

    [Fact]
    public async Task No_token_is_401()
    {
        using var me = await Server.GetAsync("/me", null);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    private async Task<LoginResult> LoginBobAsync()
    {
        using var browser = Oidc.NewBrowser();
        return await Oidc.LoginAsync(browser, Bob);
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
    }
}

using System.Net;
using Duende.IdentityModel.Client;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

[Collection(IdentityProviderCollection.Name)]
public sealed class ClientCredentialsTests(IdentityProviderFixture fixture)
{
    private Oidc Oidc => fixture.Oidc;

    [Fact]
    public async Task Acme_integration_gets_a_service_account_token_and_no_refresh_token()
    {
        var response = await Oidc.ClientCredentialsAsync(Acme);

        Oidc.AssertSuccess(response);
        Assert.Null(response.RefreshToken);
        Assert.Null(response.IdentityToken);
        Assert.Equal("Bearer", response.TokenType);
        var token = Jwt.Parse(response.AccessToken);
        Assert.Equal("JWT", token.HeaderValue("typ"));
        Assert.Equal(AcmeServiceAccountId, token.String("sub"));
        Assert.Equal("service-account-acme-integration", token.String("preferred_username"));
        Assert.Equal(Acme.ClientId, token.String("azp"));
        Assert.Equal("Bearer", token.String("typ"));
        Assert.Equal(Oidc.Disco.Issuer, token.String("iss"));
        Assert.Contains(ApiAudience, token.Strings("aud"));
        Assert.Contains(EmployeeRole, token.Roles("realm_access.roles"));
        Assert.False(token.Has("sid"), $"A client-credentials token belongs to no user session: {token.Payload}");
        Assert.DoesNotContain(token.ClaimNames, name => name.StartsWith("oi_", StringComparison.Ordinal));
        var validation = await Jwt.ValidateAsync(token.Raw, await Oidc.JwksAsync(), Oidc.Disco.Issuer!, ApiAudience);
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task The_customer_service_account_holds_realm_management_roles()
    {
        var token = Jwt.Parse(await Oidc.AdminTokenAsync());

        Assert.Equal("service-account-customer-service", token.String("preferred_username"));
        Assert.Contains("manage-users", token.Roles("resource_access.realm-management.roles"));
    }

    [Theory]
    [InlineData(ClientCredentialStyle.AuthorizationHeader)]
    [InlineData(ClientCredentialStyle.PostBody)]
    public async Task A_wrong_secret_is_401_unauthorized_client_as_Keycloak_answers(ClientCredentialStyle style)
    {
        var response = await Oidc.Http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = Oidc.Disco.TokenEndpoint,
            ClientId = Acme.ClientId,
            ClientSecret = "not-the-secret",
            ClientCredentialStyle = style,
        });

        var error = ErrorAssert.KeycloakJsonError(response, "unauthorized_client", HttpStatusCode.Unauthorized);
        Assert.Equal("Invalid client or Invalid client credentials", error.GetProperty("error_description").GetString());
    }

    [Theory]
    [InlineData("realguard-web", HttpStatusCode.Unauthorized)]
    [InlineData("acme-integration", HttpStatusCode.OK)]
    public async Task A_form_client_id_must_name_the_client_whose_credentials_are_in_the_header(string formClientId, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Oidc.Disco.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials"), KeyValuePair.Create("client_id", formClientId)]),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Acme.ClientId}:{Acme.Secret}")));

        using var response = await Oidc.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Contains("unauthorized_client", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task An_unknown_client_is_401_invalid_client()
    {
        var response = await Oidc.ClientCredentialsAsync(new TestClient("no-such-client", "secret"));

        ErrorAssert.KeycloakJsonError(response, "invalid_client", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_client_without_a_service_account_is_unauthorized_client()
    {
        var response = await Oidc.ClientCredentialsAsync(Web);

        ErrorAssert.KeycloakJsonError(response, "unauthorized_client");
    }

    [Theory]
    [InlineData("realguard-web")]
    [InlineData("realguard-mobile")]
    [InlineData("acme-integration")]
    [InlineData("customer-service")]
    public async Task No_client_may_use_the_password_grant(string clientId)
    {
        var client = new[] { Web, Mobile, Acme, CustomerService }.Single(c => c.ClientId == clientId);

        var response = await Oidc.Http.RequestPasswordTokenAsync(new PasswordTokenRequest
        {
            Address = Oidc.Disco.TokenEndpoint,
            ClientId = client.ClientId,
            ClientSecret = client.Secret,
            UserName = Bob.UserName,
            Password = Bob.Password,
            Scope = "openid",
        });

        ErrorAssert.KeycloakJsonError(response, "unauthorized_client");
        Assert.Null(response.AccessToken);
    }
}

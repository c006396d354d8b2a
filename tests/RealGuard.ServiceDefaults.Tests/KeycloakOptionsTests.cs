using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RealGuard.ServiceDefaults.Tests;

/// <summary>The Keycloak settings, checked once when a part starts; every Keycloak URL is built from them.</summary>
public sealed class KeycloakOptionsTests
{
    [Theory]
    [InlineData("http://localhost:8080", "http://localhost:8080/realms/realguard")]
    [InlineData("https://iam.realguard.example/", "https://iam.realguard.example/realms/realguard")]
    public void Every_keycloak_url_comes_from_the_two_settings(string authServerUrl, string authority)
    {
        var keycloak = KeycloakOptions.From(Configuration(authServerUrl, "realguard"));

        Assert.Equal(authority, keycloak.Authority);
        Assert.Equal(new Uri($"{authority}/protocol/openid-connect/token"), keycloak.TokenEndpoint);
        Assert.Equal(new Uri(authority.Replace("/realms/", "/admin/realms/") + "/"), keycloak.AdminApi);
        Assert.Equal(RealmClients.Api, keycloak.Audience);
    }

    [Theory]
    [InlineData(null, "realguard", "Keycloak:AuthServerUrl")]
    [InlineData("http://localhost:8080", "", "Keycloak:Realm")]
    [InlineData("ftp://localhost", "realguard", "Keycloak:AuthServerUrl")]
    public void A_missing_setting_fails_the_start_instead_of_building_a_url_without_it(string? authServerUrl, string? realm, string key)
    {
        // Registered by a part that builds no URL at once (only IOptions<KeycloakOptions>): the host's start fails.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(Configuration(authServerUrl, realm));
        builder.Services.AddHttpClient("calls-as-the-service").AddClientCredentialsToken();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<KeycloakOptions>>().Value);

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "secret", "Keycloak:ClientId")]
    [InlineData("customer-service", null, "Keycloak:ClientSecret")]
    public async Task Calls_as_the_service_need_its_client_checked_at_start(string? clientId, string? clientSecret, string key)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(Configuration("http://localhost:8080", "realguard", clientId, clientSecret));
        builder.Services.AddHttpClient("calls-as-the-service").AddClientCredentialsToken();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message.Replace("ClientSecret", ""), StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_is_not_required_where_no_call_is_made_as_the_service()
    {
        var keycloak = KeycloakOptions.From(Configuration("http://localhost:8080", "realguard"));

        Assert.Null(keycloak.ClientId);
        Assert.Throws<InvalidOperationException>(() => KeycloakOptions.From(Configuration("http://localhost:8080", "realguard"), requireClient: true));
    }

    private static IConfiguration Configuration(string? authServerUrl, string? realm, string? clientId = null, string? clientSecret = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Keycloak:AuthServerUrl"] = authServerUrl,
            ["Keycloak:Realm"] = realm,
            ["Keycloak:ClientId"] = clientId,
            ["Keycloak:ClientSecret"] = clientSecret,
        }).Build();
}

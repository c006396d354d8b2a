using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RealGuard.ServiceDefaults.Tests;

public sealed class AuthenticationConfigurationTests
{
    [Theory]
    [InlineData(null, "realguard", "Keycloak:AuthServerUrl")]
    [InlineData("", "realguard", "Keycloak:AuthServerUrl")]
    [InlineData("http://localhost:8080", null, "Keycloak:Realm")]
    [InlineData("http://localhost:8080", " ", "Keycloak:Realm")]
    [InlineData("localhost:8080", "realguard", "Keycloak:AuthServerUrl")]
    [InlineData("/keycloak", "realguard", "Keycloak:AuthServerUrl")]
    public void Missing_or_invalid_configuration_fails_at_startup_naming_the_key(string? authServerUrl, string? realm, string key)
    {
        var builder = Builder(authServerUrl, realm);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddDefaultAuthentication());

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:8080", "http://localhost:8080/realms/realguard", false)]
    [InlineData("http://localhost:8080/", "http://localhost:8080/realms/realguard", false)]
    [InlineData("https://iam.realguard.example/", "https://iam.realguard.example/realms/realguard", true)]
    public void Authority_is_the_realm_url_and_https_metadata_is_required_for_https(string authServerUrl, string authority, bool requireHttps)
    {
        var options = JwtBearerOptionsFor(Builder(authServerUrl, "realguard"));

        Assert.Equal(authority, options.Authority);
        Assert.Equal($"{authority}/.well-known/openid-configuration", options.MetadataAddress);
        Assert.Equal(requireHttps, options.RequireHttpsMetadata);
        Assert.Equal(authority, options.TokenValidationParameters.ValidIssuer);
    }

    [Fact]
    public void Audience_defaults_to_realguard_api_and_can_be_configured()
    {
        Assert.Equal("realguard-api", JwtBearerOptionsFor(Builder("http://localhost:8080", "realguard")).Audience);

        var custom = Builder("http://localhost:8080", "realguard");
        custom.Configuration["Keycloak:Audience"] = "realguard-gateway";
        Assert.Equal("realguard-gateway", JwtBearerOptionsFor(custom).Audience);
    }

    private static HostApplicationBuilder Builder(string? authServerUrl, string? realm)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Keycloak:AuthServerUrl"] = authServerUrl,
            ["Keycloak:Realm"] = realm,
        });
        return builder;
    }

    private static JwtBearerOptions JwtBearerOptionsFor(HostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
    }
}

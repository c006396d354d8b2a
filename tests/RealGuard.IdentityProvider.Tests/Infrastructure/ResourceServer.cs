using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RealGuard.IdentityProvider.Tests.Infrastructure;

/// <summary>
/// A RealGuard service reduced to one endpoint, written as the services are (AddServiceDefaults, AddDefaultAuthentication,
/// deny by default), pointed at the identity provider the way the stack configures it (Keycloak:AuthServerUrl, Keycloak:Realm).
/// </summary>
public sealed class ResourceServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private ResourceServer(WebApplication app)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public HttpClient Client { get; }

    public static async Task<ResourceServer> StartAsync(string authServerUrl, string realm = TestIdentityProvider.Realm)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Keycloak:AuthServerUrl"] = authServerUrl,
            ["Keycloak:Realm"] = realm,
        });
        builder.Logging.ClearProviders();

        builder.AddServiceDefaults();
        builder.AddDefaultAuthentication();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapGet("/me", (ClaimsPrincipal user) => new Caller(
            user.FindFirst("sub")?.Value,
            user.Identity?.Name,
            [.. user.FindAll(RealGuard.ServiceDefaults.KeycloakRolesClaimsTransformation.RoleClaimType).Select(claim => claim.Value)]));
        app.MapGet("/employees-only", () => "ok").RequireAuthorization(policy => policy.RequireRole(TestClients.EmployeeRole));

        await app.StartAsync();
        return new ResourceServer(app);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record Caller(string? Subject, string? Name, string[] Roles);

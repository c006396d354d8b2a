using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RealGuard.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// A RealGuard service as the services are written: AddServiceDefaults, AddDefaultAuthentication,
/// MapDefaultEndpoints, deny-by-default authorization, one endpoint per kind of check.
/// </summary>
public sealed class ResourceServer : IAsyncDisposable
{
    public const string AdminRole = "REALGUARDIO_ADMIN";

    private readonly WebApplication _app;

    private ResourceServer(WebApplication app, CollectingLoggerProvider logs, string baseUrl)
    {
        _app = app;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public HttpClient Client { get; }

    public CollectingLoggerProvider Logs { get; }

    public static async Task<ResourceServer> StartAsync(string authServerUrl)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Production: the health endpoints must not depend on the Development environment.
            EnvironmentName = Environments.Production,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Keycloak:AuthServerUrl"] = authServerUrl,
            ["Keycloak:Realm"] = FakeKeycloak.Realm,
        });

        var logs = new CollectingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);

        builder.AddServiceDefaults();
        builder.AddDefaultAuthentication();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();

        app.MapGet("/me", (ClaimsPrincipal user) => new CurrentUser(
            user.GetUserId(),
            user.Identity?.Name,
            user.GetUserName(),
            user.GetClientId(),
            [.. user.FindAll(KeycloakRolesClaimsTransformation.RoleClaimType).Select(claim => claim.Value)]));

        app.MapGet("/admin", () => "admin area")
            .RequireAuthorization(policy => policy.RequireRole(AdminRole));

        await app.StartAsync();

        return new ResourceServer(app, logs, app.Urls.Single());
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? accessToken = null)
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
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record CurrentUser(string? Id, string? Name, string? UserName, string? ClientId, string[] Roles);

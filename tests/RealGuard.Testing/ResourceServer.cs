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
using RealGuard.ServiceDefaults;

namespace RealGuard.Testing;

/// <summary>
/// A RealGuard service reduced to what token checks need, written as the services are: AddServiceDefaults,
/// AddDefaultAuthentication, MapDefaultEndpoints, deny-by-default authorization, pointed at an IAM the way the stack
/// configures it (Keycloak:AuthServerUrl, Keycloak:Realm). <c>/me</c> tells who the token is for, <c>/admin</c> and
/// <c>/employees-only</c> need a realm role. Every log entry it writes is kept in <see cref="Logs"/>.
/// </summary>
public sealed class ResourceServer : IAsyncDisposable
{
    public const string AdminRole = RealmRoles.Admin;

    public const string EmployeeRole = RealmRoles.CustomerEmployee;

    private readonly WebApplication _app;

    private ResourceServer(WebApplication app, CollectingLoggerProvider logs, string baseUrl)
    {
        _app = app;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public HttpClient Client { get; }

    public CollectingLoggerProvider Logs { get; }

    public static async Task<ResourceServer> StartAsync(string authServerUrl, string realm = "realguard")
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
            ["Keycloak:Realm"] = realm,
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

        app.MapGet("/employees-only", () => "ok")
            .RequireAuthorization(policy => policy.RequireRole(EmployeeRole));

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

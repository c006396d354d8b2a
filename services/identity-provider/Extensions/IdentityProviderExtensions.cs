using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenIddict.Abstractions;
using RealGuard.IdentityProvider.Data;
using RealGuard.IdentityProvider.Endpoints;
using RealGuard.IdentityProvider.Pages;
using RealGuard.IdentityProvider.Protocol;
using RealGuard.IdentityProvider.Realms;
using RealGuard.IdentityProvider.Sessions;
using RealGuard.IdentityProvider.Users;

namespace RealGuard.IdentityProvider.Extensions;

public static class IdentityProviderExtensions
{
    public static IHostApplicationBuilder AddIdentityProvider(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdentityProviderOptions.SectionName).Get<IdentityProviderOptions>() ?? new();
        if (string.IsNullOrWhiteSpace(options.ImportPath))
        {
            throw new InvalidOperationException($"Set {IdentityProviderOptions.SectionName}:ImportPath to a realm export or a folder of them.");
        }
        var dataPath = Path.GetFullPath(string.IsNullOrWhiteSpace(options.DataPath)
            ? Path.Combine(builder.Environment.ContentRootPath, ".data") : options.DataPath);
        var keys = KeyStore.LoadOrCreate(dataPath);

        var services = builder.Services;
        services.Configure<IdentityProviderOptions>(builder.Configuration.GetSection(IdentityProviderOptions.SectionName));
        services.AddSingleton(keys);
        services.AddSingleton(provider => new RealmCatalog(
            RealmImporter.Import(options.ImportPath, provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RealmImporter)))));
        services.AddDbContext<IdentityProviderDbContext>(db =>
        {
            db.UseSqlite($"Data Source={Path.Combine(dataPath, "identity-provider.db")}");
            db.UseOpenIddict();
        });
        services.AddDataProtection()
            .SetApplicationName("RealGuard.IdentityProvider")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataPath, "keys", "data-protection")));
        services.AddAuthentication().AddSsoCookie();
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<UserDirectory>();
        services.AddScoped<PasswordLogin>();
        services.AddSingleton<BruteForceProtector>();
        services.AddSingleton<RefreshTokenReuse>();
        services.AddScoped<SessionStore>();
        services.AddScoped<SessionGrants>();
        services.AddScoped<AdminAuthorization>();
        services.AddScoped<BackchannelLogout>();
        services.AddHttpClient(BackchannelLogout.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        services.AddKeycloakCompatibleOpenIddict(keys);
        return builder;
    }

    /// <summary>Creates the database, imports the realms and registers their clients, before the first request.</summary>
    public static async Task InitializeIdentityProviderAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityProviderDbContext>().Database.EnsureCreatedAsync();
        var realms = scope.ServiceProvider.GetRequiredService<RealmCatalog>();
        await ClientRegistrations.SynchronizeAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), realms);
    }

    public static WebApplication UseIdentityProvider(this WebApplication app)
    {
        // As Keycloak: an unexpected failure is a bare JSON error, never a stack trace.
        app.UseExceptionHandler(failed => failed.Run(context =>
            context.Response.WriteAsJsonAsync(new { error = "unknown_error" })));
        app.UseMiddleware<FrontendUrlMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RealmPathBaseMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        return app;
    }

    public static WebApplication MapIdentityProviderEndpoints(this WebApplication app)
    {
        app.MapPublicRealmEndpoint();
        app.MapAuthorizationEndpoints();
        app.MapTokenEndpoint();
        app.MapUserInfoEndpoint();
        app.MapLogoutEndpoint();
        app.MapAdminUsersEndpoints();
        app.MapAdminAttackDetectionEndpoints();
        return app;
    }
}

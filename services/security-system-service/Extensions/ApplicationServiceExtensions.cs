using Microsoft.Extensions.DependencyInjection.Extensions;
using RealGuard.Persistence;
using RealGuard.SecuritySystemService.Data;

namespace RealGuard.SecuritySystemService.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "securitysystemdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.AddAuthorizationPolicies();
        builder.AddDatabase<SecuritySystemDbContext, SqliteSecuritySystemDbContext, PostgreSqlSecuritySystemDbContext>(DatabaseName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOpenApi();
        builder.AddCustomerServiceClient();
        builder.AddNotificationOutbox();
        return builder;
    }
}

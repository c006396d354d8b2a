using RealGuard.Persistence;
using RealGuard.SecuritySystemService.Authorization;
using RealGuard.SecuritySystemService.Data;

namespace RealGuard.SecuritySystemService.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.Services.AddAuthorizationBuilder().AddPolicies();

        builder.AddDatabase<SecuritySystemDbContext, SqliteSecuritySystemDbContext, PostgreSqlSecuritySystemDbContext>(
            SecuritySystemDbContext.ConnectionName);

        builder.AddCustomerServiceClient();
        builder.AddNotificationOutbox();

        builder.Services.AddValidation();
        builder.AddRequestBodyDefaults();
        builder.AddDefaultOpenApi();
        return builder;
    }
}

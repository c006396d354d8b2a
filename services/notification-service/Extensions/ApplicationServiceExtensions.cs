using RealGuard.NotificationService.Authorization;
using RealGuard.NotificationService.CustomerService;
using RealGuard.NotificationService.Data;
using RealGuard.NotificationService.Events;
using RealGuard.Persistence;

namespace RealGuard.NotificationService.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.Services.AddAuthorizationBuilder().AddPolicies();

        builder.AddDatabase<NotificationDbContext, SqliteNotificationDbContext, PostgreSqlNotificationDbContext>(
            NotificationDbContext.ConnectionName);

        builder.AddCustomerServiceClient();
        builder.Services.AddScoped<EventIntake>();

        builder.Services.AddValidation();
        builder.AddRequestBodyDefaults();
        builder.AddDefaultOpenApi();
        return builder;
    }
}

using RealGuard.CustomerService.Authorization;
using RealGuard.CustomerService.Endpoints;
using RealGuard.CustomerService.Data;
using RealGuard.CustomerService.Iam;
using RealGuard.Persistence;

namespace RealGuard.CustomerService.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.Services.AddAuthorizationBuilder().AddPolicies();

        builder.AddDatabase<CustomerDbContext, SqliteCustomerDbContext, PostgreSqlCustomerDbContext>(CustomerDbContext.ConnectionName);
        builder.Services.AddScoped<CustomerAccess>();
        builder.Services.AddScoped<PersonOnboarding>();

        builder.AddIamProvisioning();

        builder.Services.AddValidation();
        builder.AddRequestBodyDefaults();
        builder.AddDefaultOpenApi();
        return builder;
    }

    /// <summary>Keycloak's admin REST API as customer-service itself (client credentials of Keycloak:ClientId).</summary>
    private static void AddIamProvisioning(this IHostApplicationBuilder builder)
    {
        var adminApi = builder.AddKeycloakOptions(requireClient: true).AdminApi;

        builder.Services.AddHttpClient<KeycloakAdminClient>(client => client.BaseAddress = adminApi)
            .AddClientCredentialsToken();
        builder.Services.AddScoped<PersonProvisioner>();
    }
}

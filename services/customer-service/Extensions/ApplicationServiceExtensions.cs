using RealGuard.CustomerService.Api;
using RealGuard.CustomerService.Authorization;
using RealGuard.CustomerService.Data;
using RealGuard.CustomerService.Iam;
using RealGuard.Persistence;

namespace RealGuard.CustomerService.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.Services.AddAuthorization(Policies.Configure);

        builder.AddDatabase<CustomerDbContext, SqliteCustomerDbContext, PostgreSqlCustomerDbContext>(CustomerDbContext.ConnectionName);
        builder.Services.AddScoped<CustomerAccess>();
        builder.Services.AddScoped<PersonOnboarding>();

        builder.AddIamProvisioning();

        // Bad bodies are reported (with the field) in every environment, not only in Development.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestBodyHandler>();

        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        return builder;
    }

    /// <summary>Keycloak's admin REST API as customer-service itself (client credentials of Keycloak:ClientId).</summary>
    private static void AddIamProvisioning(this IHostApplicationBuilder builder)
    {
        var keycloak = builder.Configuration.GetSection("Keycloak");
        var adminUrl = $"{keycloak["AuthServerUrl"]?.TrimEnd('/')}/admin/realms/{keycloak["Realm"]}/";

        builder.Services.AddHttpClient<KeycloakAdminClient>(client => client.BaseAddress = new Uri(adminUrl))
            .AddClientCredentialsToken();
        builder.Services.AddScoped<PersonProvisioner>();
    }
}

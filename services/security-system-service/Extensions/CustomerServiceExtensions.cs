using RealGuard.SecuritySystemService.CustomerService;

namespace RealGuard.SecuritySystemService.Extensions;

public static class CustomerServiceExtensions
{
    /// <summary>customer-service as the caller (token relay), with the caller's location roles cached briefly.</summary>
    public static IHostApplicationBuilder AddCustomerServiceClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<BearerTokenRelayHandler>();
        builder.Services.AddHttpClient<CustomerServiceClient>(CustomerServiceClient.HttpClientName,
                http => http.BaseAddress = ServiceAddresses.CustomerService)
            .AddHttpMessageHandler<BearerTokenRelayHandler>();

        builder.Services.AddSingleton<LocationRolesCache>();
        builder.Services.AddScoped<CallerLocationRoles>();
        builder.Services.AddScoped<SecuritySystemAccess>();
        return builder;
    }
}

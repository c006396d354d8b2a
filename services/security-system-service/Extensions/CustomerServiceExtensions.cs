using Microsoft.Extensions.Http.Resilience;
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
                http => http.BaseAddress = new Uri("http://customer-service"))
            .AddHttpMessageHandler<BearerTokenRelayHandler>();

        // A person waits for this call: retry a blip quickly, and answer 503 within seconds when customer-service is
        // down instead of after the standard handler's 2 s + 4 s + 8 s of backoff.
        builder.Services.Configure<HttpStandardResilienceOptions>($"{CustomerServiceClient.HttpClientName}-standard", options =>
        {
            options.Retry.MaxRetryAttempts = 2;
            options.Retry.Delay = TimeSpan.FromMilliseconds(100);
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(10);
        });

        builder.Services.AddSingleton<LocationRolesCache>();
        builder.Services.AddScoped<CallerLocationRoles>();
        builder.Services.AddScoped<SecuritySystemAccess>();
        return builder;
    }
}

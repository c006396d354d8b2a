using Microsoft.Extensions.Http.Resilience;

namespace RealGuard.NotificationService.CustomerService;

public static class CustomerServiceClientExtensions
{
    /// <summary>The Aspire service-discovery name of customer-service (<c>services__customer-service__http__0</c>).</summary>
    public const string BaseAddress = "http://customer-service";

    public static IHostApplicationBuilder AddCustomerServiceClient(this IHostApplicationBuilder builder)
    {
        var client = builder.Services.AddHttpClient<CustomerServiceClient>(http => http.BaseAddress = new Uri(BaseAddress));
        client.AddClientCredentialsToken();

        // The sender retries an event refused with 503, so a refused connection is retried twice
        // quickly rather than three times over some fifteen seconds.
        // Replacing the handler ConfigureHttpClientDefaults added is the documented way; the API is marked experimental.
#pragma warning disable EXTEXP0001
        client.RemoveAllResilienceHandlers().AddStandardResilienceHandler(options =>
        {
            options.Retry.MaxRetryAttempts = 2;
            options.Retry.Delay = TimeSpan.FromMilliseconds(200);
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(20);
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(25);
        });
#pragma warning restore EXTEXP0001
        return builder;
    }
}

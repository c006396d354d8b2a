namespace RealGuard.NotificationService.CustomerService;

public static class CustomerServiceClientExtensions
{
    /// <summary>
    /// customer-service as notification-service itself, with ServiceDefaults' resilience: when customer-service is down
    /// or hung, the event is refused with 503 within the budget, and the sender's outbox delivers it again.
    /// </summary>
    public static IHostApplicationBuilder AddCustomerServiceClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<CustomerServiceClient>(http => http.BaseAddress = ServiceAddresses.CustomerService)
            .AddClientCredentialsToken();
        return builder;
    }
}

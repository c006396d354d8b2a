using RealGuard.SecuritySystemService.Outbox;

namespace RealGuard.SecuritySystemService.Extensions;

public static class NotificationOutboxExtensions
{
    /// <summary>
    /// The outbox dispatcher and its client for notification-service, which authenticates as security-system-service
    /// itself (client credentials of Keycloak:ClientId / Keycloak:ClientSecret).
    /// </summary>
    public static IHostApplicationBuilder AddNotificationOutbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<NotificationServiceClient>(NotificationServiceClient.HttpClientName,
                http => http.BaseAddress = ServiceAddresses.NotificationService)
            .AddClientCredentialsToken();
        // The events are POSTed, which ServiceDefaults never retries: the dispatcher retries with its own backoff and
        // keeps the order.

        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddScoped<OutboxDelivery>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        return builder;
    }
}

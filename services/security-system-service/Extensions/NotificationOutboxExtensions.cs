using Microsoft.Extensions.Http.Resilience;
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
                http => http.BaseAddress = new Uri("http://notification-service"))
            .AddClientCredentialsToken();

        // The dispatcher retries with its own backoff and keeps the order; a retry inside the handler would only
        // hold up the queue.
        builder.Services.Configure<HttpStandardResilienceOptions>($"{NotificationServiceClient.HttpClientName}-standard",
            options => options.Retry.ShouldHandle = _ => ValueTask.FromResult(false));

        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddScoped<OutboxDelivery>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        return builder;
    }
}

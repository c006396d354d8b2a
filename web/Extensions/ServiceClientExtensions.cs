using Microsoft.Extensions.Http.Resilience;
using RealGuard.Web.Clients;
using RealGuard.Web.Endpoints;
using RealGuard.Web.Tokens;

// RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the defaults' handler.
#pragma warning disable EXTEXP0001

namespace RealGuard.Web.Extensions;

/// <summary>Typed clients of the services, found by service discovery and called with the user's access token.</summary>
public static class ServiceClientExtensions
{
    public static IHostApplicationBuilder AddServiceClients(this IHostApplicationBuilder builder)
    {
        builder.Services.AddUserClient<SecuritySystemsClient>(ServiceNames.SecuritySystemService);
        builder.Services.AddUserClient<CustomersClient>(ServiceNames.CustomerService);
        builder.Services.AddUserClient<NotificationsClient>(ServiceNames.NotificationService);

        // The forwarder streams the browser's request as it is: no retries (the body cannot be replayed), no
        // redirects or cookies or decompression of its own. Service discovery still resolves the destination.
        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton<ApiForwarder>();
        builder.Services.AddHttpClient(ApiForwarder.HttpClientName)
            .RemoveAllResilienceHandlers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                UseProxy = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
            });
        return builder;
    }

    private static void AddUserClient<TClient>(this IServiceCollection services, string service) where TClient : class
    {
        // Resilience comes from ServiceDefaults, which retries safe methods only: arming twice is not what the user asked for.
        services.AddHttpClient<TClient>(http => http.BaseAddress = ServiceNames.BaseAddress(service))
            .AddHttpMessageHandler<UserAccessTokenHandler>();
    }
}

using RealGuard.Gateway.Authentication;
using RealGuard.Gateway.Authorization;
using RealGuard.Gateway.Forwarding;
using RealGuard.Gateway.RateLimiting;

namespace RealGuard.Gateway.Extensions;

// The gateway's pipeline: body size, then who the caller is, then how often they may call, then what they may call,
// then forwarding. Every request the proxy forwards has passed all four.
internal static class GatewayExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.AddGatewayAuthentication();
        builder.AddPermissionAuthorization();
        builder.AddClientRateLimiting();
        builder.AddServiceProxy();
        builder.AddRequestLimits();
        return builder;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseRequestBodySizeLimit();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
            {
                proxy.UseProxyErrorProblems();
                proxy.UseSessionAffinity();
                proxy.UseLoadBalancing();
                proxy.UsePassiveHealthChecks();
            })
            // In code, not per route in configuration: a route added later cannot forget them.
            .RequireAuthorization(PermissionAuthorization.PolicyName)
            .RequireRateLimiting(ClientRateLimiting.PolicyName);
        return app;
    }
}

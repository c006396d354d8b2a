using System.Net.Http.Headers;
using RealGuard.Gateway.Authentication;
using RealGuard.Gateway.Forwarding;
using Yarp.ReverseProxy.Transforms;

namespace Microsoft.Extensions.Hosting;

// YARP routes and clusters from configuration (section ReverseProxy), destinations resolved by service discovery,
// and what every forwarded request gets: spoofable identity headers removed, the caller's access token as Bearer
// (the credentials a client sent never), X-Forwarded-* set by YARP, the trace context continued by YARP's propagator.
internal static class ServiceProxyExtensions
{
    public static IHostApplicationBuilder AddServiceProxy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(transforms => transforms.AddRequestTransform(PrepareForwardedRequest))
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }

    private static ValueTask PrepareForwardedRequest(RequestTransformContext context)
    {
        SpoofableHeaders.RemoveFrom(context.ProxyRequest);

        // A Bearer token the client presented goes on as it is; client credentials are replaced by the token obtained for them.
        if (ForwardedAccessToken.Of(context.HttpContext) is { } obtained)
        {
            context.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", obtained);
        }
        else if (context.ProxyRequest.Headers.Authorization is { } presented
            && !string.Equals(presented.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            context.ProxyRequest.Headers.Authorization = null;
        }

        return ValueTask.CompletedTask;
    }
}

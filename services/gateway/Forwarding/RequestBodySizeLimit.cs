using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RealGuard.Gateway.Forwarding;

// Kestrel enforces Kestrel:Limits:MaxRequestBodySize while a body is read, which for a proxied request is while it is
// already being sent to the service. A declared Content-Length over the limit is refused here, before anything is
// forwarded; a chunked body over it still fails mid-stream (413, see ProxyErrorProblems).
internal static class RequestBodySizeLimit
{
    /// <summary>Kestrel's limits from configuration (<c>Kestrel:Limits</c>), which Kestrel itself does not read from there.</summary>
    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(kestrel => builder.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits));
        return builder;
    }

    public static WebApplication UseRequestBodySizeLimit(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength is { } length
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit
                && length > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Detail = $"The request body exceeds {limit} bytes." },
                });
                return;
            }

            await next();
        });
        return app;
    }
}

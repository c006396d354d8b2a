using Microsoft.AspNetCore.Diagnostics;
using Yarp.ReverseProxy.Forwarder;

namespace RealGuard.Gateway.Forwarding;

// Errors of the gateway itself are problem details; a service's own responses, errors included, pass through
// exactly as the service wrote them (status code pages must not add a body to a service's empty 404).
internal static class ProxyErrorProblems
{
    public static IReverseProxyApplicationBuilder UseProxyErrorProblems(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            await next();

            if (context.GetForwarderErrorFeature() is { } failure && !context.Response.HasStarted
                && failure.Error is not (ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled))
            {
                await WriteProblemAsync(context, failure);
            }
        });
        return proxy;
    }

    private static async Task WriteProblemAsync(HttpContext context, IForwarderErrorFeature failure)
    {
        var (status, detail) = failure switch
        {
            // The client's body was refused while streaming it (Kestrel's limits), e.g. 413.
            { Error: ForwarderError.RequestBodyClient } when Find<BadHttpRequestException>(failure.Exception) is { } bad =>
                (bad.StatusCode, "The request body was refused."),
            { Error: ForwarderError.RequestBodyClient } => (StatusCodes.Status400BadRequest, "The request body could not be read."),
            { Error: ForwarderError.RequestTimedOut } => (StatusCodes.Status504GatewayTimeout, "The service did not answer in time."),
            { Error: ForwarderError.NoAvailableDestinations } => (StatusCodes.Status503ServiceUnavailable, "The service is unavailable."),
            _ => (StatusCodes.Status502BadGateway, "The service could not be reached."),
        };

        context.Response.Clear();
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}

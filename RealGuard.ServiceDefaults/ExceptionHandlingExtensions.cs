using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

// Turns what escapes an endpoint into RFC 9457 problem details: bad input (unreadable JSON, a body that is too large)
// becomes the 4xx it is, anything else a 500 without details. Never a stack trace to the client.
public static class ExceptionHandlingExtensions
{
    public static WebApplication UseDefaultExceptionHandler(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                JsonException => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        return app;
    }
}

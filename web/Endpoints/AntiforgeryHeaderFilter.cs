namespace RealGuard.Web.Endpoints;

/// <summary>
/// The BFF's JSON endpoints require <c>X-CSRF: 1</c>. A cross-site page cannot send a custom header without a CORS
/// preflight, which this app never allows, so a request carrying it comes from this app's own pages.
/// </summary>
public sealed class AntiforgeryHeaderFilter : IEndpointFilter
{
    public const string HeaderName = "X-CSRF";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        => context.HttpContext.Request.Headers[HeaderName] == "1"
            ? next(context)
            : ValueTask.FromResult<object?>(Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Missing antiforgery header",
                detail: $"Send the header '{HeaderName}: 1' with every call to this endpoint."));
}

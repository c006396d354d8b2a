using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace RealGuard.Gateway.Authorization;

/// <summary>
/// Turns the permission check's failures into the gateway's answers: 404 for what the gateway does not expose,
/// 403 naming the permission that is missing. Anything else (401 challenges) as ASP.NET Core does it.
/// </summary>
internal sealed class PermissionAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var reasons = authorizeResult.AuthorizationFailure?.FailureReasons ?? [];
        if (authorizeResult.Forbidden && reasons.OfType<UnexposedRoute>().Any())
        {
            await WriteProblemAsync(context, StatusCodes.Status404NotFound,
                $"The API has no {context.Request.Method} {context.Request.Path}.");
        }
        else if (authorizeResult.Forbidden && reasons.OfType<MissingPermission>().FirstOrDefault() is { } missing)
        {
            await WriteProblemAsync(context, StatusCodes.Status403Forbidden,
                $"This request needs the permission {string.Join(" or ", missing.Permissions.Select(permission => $"'{permission}'"))}, which the caller's roles do not grant.");
        }
        else
        {
            await standard.HandleAsync(next, context, policy, authorizeResult);
        }
    }

    private async Task WriteProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }
}

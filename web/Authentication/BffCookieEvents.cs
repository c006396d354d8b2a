using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace RealGuard.Web.Authentication;

/// <summary>Pages redirect to the login and the "not allowed" page; the BFF's JSON endpoints answer 401 and 403 instead.</summary>
public static class BffCookieEvents
{
    public static CookieAuthenticationEvents Create() => new()
    {
        OnRedirectToLogin = context => IsApi(context) ? WriteProblemAsync(context, StatusCodes.Status401Unauthorized, "Log in first.") : Redirect(context),
        OnRedirectToAccessDenied = context => IsApi(context) ? WriteProblemAsync(context, StatusCodes.Status403Forbidden, "You are not allowed to do this.") : Redirect(context),
    };

    public static bool IsApi(HttpContext context)
        => context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/bff");

    private static bool IsApi(RedirectContext<CookieAuthenticationOptions> context) => IsApi(context.HttpContext);

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task WriteProblemAsync(RedirectContext<CookieAuthenticationOptions> context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = { Status = status, Detail = detail },
        }).AsTask();
    }
}

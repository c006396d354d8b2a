using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace RealGuard.IdentityProvider.Endpoints;

/// <summary>
/// The SSO cookie (Keycloak's <c>KEYCLOAK_IDENTITY</c>): it references the user session, scoped to the realm's path,
/// so a second client of the realm logs in without asking for credentials.
/// </summary>
public static class SsoCookie
{
    public const string Scheme = "KeycloakIdentity";
    private const string FreshLoginCookie = "KC_FRESH_LOGIN";

    public static AuthenticationBuilder AddSsoCookie(this AuthenticationBuilder builder) =>
        builder.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "KEYCLOAK_IDENTITY";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = false;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
        });

    public static Task SignInAsync(HttpContext context, string userId, string sessionId)
    {
        var identity = new ClaimsIdentity([new Claim("sub", userId), new Claim("sid", sessionId)], Scheme);
        context.Response.Cookies.Append(FreshLoginCookie, sessionId, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/",
            MaxAge = TimeSpan.FromMinutes(5),
        });
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    public static async Task<string?> SessionIdAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        return result.Succeeded ? result.Principal.FindFirst("sid")?.Value : null;
    }

    /// <summary>True once right after the user typed their credentials for this session (Keycloak's acr "1").</summary>
    public static bool ConsumeFreshLogin(HttpContext context, string sessionId)
    {
        if (context.Request.Cookies[FreshLoginCookie] != sessionId)
        {
            return false;
        }
        context.Response.Cookies.Delete(FreshLoginCookie, new CookieOptions { Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/" });
        return true;
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace RealGuard.IdentityProvider.Endpoints;

/// <summary>
/// The SSO cookies, as Keycloak sets them on the realm's path <c>/realms/{realm}/</c>: <c>KEYCLOAK_IDENTITY</c> (HttpOnly)
/// references the user session, so a second client of the realm logs in without asking for credentials;
/// <c>KEYCLOAK_SESSION</c> (readable by scripts, for session-status iframes) holds a hash of the session id.
/// </summary>
public static class SsoCookie
{
    public const string Scheme = "KeycloakIdentity";
    private const string FreshLoginCookie = "KC_FRESH_LOGIN";
    public const string SessionCookie = "KEYCLOAK_SESSION";

    public static AuthenticationBuilder AddSsoCookie(this AuthenticationBuilder builder) =>
        builder.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "KEYCLOAK_IDENTITY";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = false;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.Events.OnSigningIn = context =>
            {
                context.CookieOptions.Path = RealmCookiePath(context.HttpContext);
                return Task.CompletedTask;
            };
            options.Events.OnSigningOut = context =>
            {
                context.CookieOptions.Path = RealmCookiePath(context.HttpContext);
                return Task.CompletedTask;
            };
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
        context.Response.Cookies.Append(SessionCookie, SessionHash(sessionId), new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = RealmCookiePath(context),
        });
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    /// <summary>Keycloak's cookie path: the realm's URL path with a trailing slash.</summary>
    public static string RealmCookiePath(HttpContext context) => (context.Request.PathBase.Value ?? "").TrimEnd('/') + "/";

    private static string SessionHash(string sessionId) =>
        Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sessionId)));

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

    public static Task SignOutAsync(HttpContext context)
    {
        context.Response.Cookies.Delete(SessionCookie, new CookieOptions { Path = RealmCookiePath(context) });
        return context.SignOutAsync(Scheme);
    }
}

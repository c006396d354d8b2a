using Microsoft.AspNetCore.Authentication.Cookies;

namespace RealGuard.Web.Security;

/// <summary>
/// Over https, the session cookie is named with the <c>__Host-</c> prefix (Secure, Path=/, no Domain): a sibling
/// subdomain or a plain-http page cannot set or overwrite it. Over plain http (local runs) browsers refuse the prefix,
/// so the name stays as configured. Decided per request, so it holds behind a TLS-terminating proxy as well.
/// </summary>
public sealed class HostPrefixCookieManager(ICookieManager inner) : ICookieManager
{
    public const string Prefix = "__Host-";

    public string? GetRequestCookie(HttpContext context, string key) => inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options)
        => inner.AppendResponseCookie(context, Name(context, key), value, Options(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options)
        => inner.DeleteCookie(context, Name(context, key), Options(context, options));

    private static string Name(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key.TrimStart('_') : key;

    private static CookieOptions Options(HttpContext context, CookieOptions options)
    {
        if (context.Request.IsHttps)
        {
            options.Secure = true;
            options.Path = "/";
            options.Domain = null;
        }
        return options;
    }
}

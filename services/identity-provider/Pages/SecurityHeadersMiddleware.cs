using RealGuard.IdentityProvider.Realms;

namespace RealGuard.IdentityProvider.Pages;

/// <summary>
/// Keycloak's security headers: an HTML page of a realm gets the realm's <c>browserSecurityHeaders</c>
/// (no framing by other sites, no sniffing, no referrer, no indexing); every other response gets <c>nosniff</c>.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) is true;
            if (html && RealmCatalog.Current(context) is { } realm)
            {
                foreach (var (name, value) in realm.BrowserSecurityHeaders)
                {
                    headers[name] = value;
                }
            }
            else
            {
                headers.XContentTypeOptions = "nosniff";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}

using System.Security.Cryptography;
using RealGuard.Web.Authentication;

namespace RealGuard.Web.Security;

/// <summary>
/// The browser-facing headers of every response: a Content-Security-Policy that Blazor Server and MudBlazor work with,
/// no framing, no MIME sniffing, no Referer, and HSTS over https.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "RealGuard.CspNonce";

    /// <summary>The nonce of this response's policy, for the one inline script the page has (Blazor's import map).</summary>
    public static string GetCspNonce(this HttpContext context)
        => context.Items[NonceKey] as string ?? throw new InvalidOperationException("UseSecurityHeaders must run first.");

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        // Only on https requests, and not for localhost (the framework's default): a developer's browser would
        // otherwise insist on https for every app on localhost for a year.
        app.UseHsts();

        var identityProvider = new Uri(app.Services.GetRequiredService<KeycloakSettings>().Authority).GetLeftPart(UriPartial.Authority);
        app.Use((context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;

            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce, identityProvider);
            headers.XFrameOptions = "DENY"; // for browsers without frame-ancestors
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        return app;
    }

    // script-src: blazor.web.js and MudBlazor's script are files of this app, neither evaluates strings; the import map
    // is inline and carries the nonce. style-src needs 'unsafe-inline': MudBlazor renders style attributes and its
    // theme as a <style> element, and Blazor's reconnect dialog adds one; styles cannot run code. connect-src 'self'
    // covers the circuit's WebSocket (same origin). form-action names the IAM: the logout form's answer redirects there.
    private static string ContentSecurityPolicy(string nonce, string identityProvider) => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{nonce}'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        $"form-action 'self' {identityProvider}",
        "frame-ancestors 'none'");
}

using Microsoft.Extensions.Options;

namespace RealGuard.IdentityProvider.Realms;

/// <summary>
/// Keycloak's fixed hostname (<c>KC_HOSTNAME</c>, strict): with <c>IdentityProvider:Hostname</c> set, every request is
/// seen as addressed to that public URL, so a forged <c>Host</c> header changes neither the issuer, nor the endpoints in
/// discovery, nor the URLs of redirects. Unset, URLs follow the request, as Keycloak's <c>start-dev</c> does
/// (<c>hostname-strict=false</c>); a warning says so at start-up.
/// </summary>
public sealed class FrontendUrlMiddleware
{
    private readonly RequestDelegate next;
    private readonly Uri? frontend;

    public FrontendUrlMiddleware(RequestDelegate next, IOptions<IdentityProviderOptions> options, ILogger<FrontendUrlMiddleware> logger)
    {
        this.next = next;
        var configured = options.Value.Hostname;
        if (string.IsNullOrWhiteSpace(configured))
        {
            logger.LogWarning("{Setting} is not set: issuer and endpoint URLs follow each request's Host header (Keycloak's start-dev). " +
                "Set it to the public URL, e.g. http://localhost:8080.", $"{IdentityProviderOptions.SectionName}:Hostname");
            return;
        }
        frontend = Uri.TryCreate(configured.TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"
            ? uri
            : throw new InvalidOperationException(
                $"{IdentityProviderOptions.SectionName}:Hostname must be an absolute http(s) URL without a path, such as http://localhost:8080, not '{configured}'.");
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (frontend is { } url)
        {
            context.Request.Scheme = url.Scheme;
            context.Request.Host = url.IsDefaultPort ? new HostString(url.Host) : new HostString(url.Host, url.Port);
        }
        return next(context);
    }
}

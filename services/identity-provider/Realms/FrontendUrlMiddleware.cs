using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace RealGuard.IdentityProvider.Realms;

/// <summary>
/// Keycloak's fixed hostname (<c>KC_HOSTNAME</c>): every request is seen as addressed to the configured public URL,
/// so a forged <c>Host</c> header cannot change the issuer, the endpoints in discovery or the URLs of redirects.
/// </summary>
public sealed class FrontendUrlMiddleware(RequestDelegate next, IOptions<IdentityProviderOptions> options, IConfiguration configuration, IServer server)
{
    private Uri? frontend;

    public Task InvokeAsync(HttpContext context)
    {
        var url = frontend ??= Resolve();
        context.Request.Scheme = url.Scheme;
        context.Request.Host = url.IsDefaultPort ? new HostString(url.Host) : new HostString(url.Host, url.Port);
        return next(context);
    }

    private Uri Resolve()
    {
        var configured = options.Value.Hostname;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Parse(configured) ?? throw new InvalidOperationException(
                $"{IdentityProviderOptions.SectionName}:Hostname must be an absolute http(s) URL such as http://localhost:8080, not '{configured}'.");
        }
        var candidates = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        return candidates.Select(Parse).FirstOrDefault(u => u is not null)
            ?? throw new InvalidOperationException($"Set {IdentityProviderOptions.SectionName}:Hostname to the server's public URL.");
    }

    /// <summary>A listen address as a public URL: wildcard hosts (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) become localhost.</summary>
    private static Uri? Parse(string value)
    {
        var normalized = value.Replace("://*", "://localhost").Replace("://+", "://localhost")
            .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
        return Uri.TryCreate(normalized.TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"
            ? uri : null;
    }
}

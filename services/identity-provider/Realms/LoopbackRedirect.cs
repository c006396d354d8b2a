namespace RealGuard.IdentityProvider.Realms;

/// <summary>
/// Keycloak's <c>RedirectUtils</c> for native apps (RFC 8252 §7.3): a redirect URI on the loopback address
/// (<c>http://127.0.0.1</c> or <c>http://[::1]</c>) matches a registered one whatever its port.
/// </summary>
public static class LoopbackRedirect
{
    public static bool Matches(IEnumerable<string> registered, string? redirectUri)
    {
        if (string.IsNullOrEmpty(redirectUri))
        {
            return false;
        }
        if (registered.Contains(redirectUri, StringComparer.Ordinal))
        {
            return true;
        }
        return WithoutPort(redirectUri) is { } portless && registered.Contains(portless, StringComparer.Ordinal);
    }

    /// <summary>The URI with its port removed, when it is an http URI on the loopback address with a port; otherwise null.</summary>
    private static string? WithoutPort(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttp ||
            parsed.Host is not ("127.0.0.1" or "[::1]") || parsed.IsDefaultPort)
        {
            return null;
        }
        var authority = $"{parsed.Scheme}://{parsed.Host}:{parsed.Port}";
        return uri.StartsWith(authority, StringComparison.OrdinalIgnoreCase) ? $"{parsed.Scheme}://{parsed.Host}" + uri[authority.Length..] : null;
    }
}

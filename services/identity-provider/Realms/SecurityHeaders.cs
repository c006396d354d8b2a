namespace RealGuard.IdentityProvider.Realms;

/// <summary>
/// A realm's <c>browserSecurityHeaders</c> as HTTP headers: the export's property names mapped to header names,
/// Keycloak's defaults where the export leaves one out, empty values left off (as Keycloak does).
/// </summary>
public static class SecurityHeaders
{
    private static readonly (string Property, string Header, string Default)[] Known =
    [
        ("contentSecurityPolicy", "Content-Security-Policy", "frame-src 'self'; frame-ancestors 'self'; object-src 'none';"),
        ("contentSecurityPolicyReportOnly", "Content-Security-Policy-Report-Only", ""),
        ("xFrameOptions", "X-Frame-Options", "SAMEORIGIN"),
        ("xContentTypeOptions", "X-Content-Type-Options", "nosniff"),
        ("xRobotsTag", "X-Robots-Tag", "none"),
        ("referrerPolicy", "Referrer-Policy", "no-referrer"),
        ("strictTransportSecurity", "Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
        ("xXSSProtection", "X-XSS-Protection", ""),
    ];

    public static IReadOnlyDictionary<string, string> From(IReadOnlyDictionary<string, string?>? configured)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (property, header, fallback) in Known)
        {
            var value = configured is not null && configured.TryGetValue(property, out var set) ? set ?? "" : fallback;
            if (value.Length > 0)
            {
                headers[header] = value;
            }
        }
        return headers;
    }
}

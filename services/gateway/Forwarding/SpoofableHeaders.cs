using System.Net.Http.Headers;

namespace RealGuard.Gateway.Forwarding;

/// <summary>
/// Request headers a client could use to pass itself off as someone else to a service that trusted them (identity
/// asserted by an upstream proxy, method overrides that would dodge the method-based permission check). The
/// gateway removes them from every forwarded request; who the caller is travels only in the validated token.
/// X-Forwarded-For/Proto/Host/Prefix are not here: YARP replaces them with what the gateway saw.
/// </summary>
internal static class SpoofableHeaders
{
    private static readonly string[] Prefixes = ["X-User-", "X-Client-", "X-Auth-", "X-Authenticated-", "X-Remote-", "X-Original-"];

    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "X-User", "X-Client", "X-Auth", "X-Authenticated", "X-Remote-User", "X-Forwarded-User", "X-Forwarded-Email",
        "X-Forwarded-Preferred-Username", "X-Forwarded-Access-Token", "X-Forwarded-Groups", "X-Auth-Request-User",
        "X-Real-IP", "Forwarded", "Proxy-Authorization", "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override",
    };

    public static bool IsSpoofable(string header) =>
        Names.Contains(header) || Prefixes.Any(prefix => header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Removes every spoofable header from the outgoing request's headers and content headers.</summary>
    public static void RemoveFrom(HttpRequestMessage request)
    {
        RemoveFrom(request.Headers);
        if (request.Content is not null)
        {
            RemoveFrom(request.Content.Headers);
        }
    }

    private static void RemoveFrom(HttpHeaders headers)
    {
        foreach (var name in headers.Select(header => header.Key).Where(IsSpoofable).ToList())
        {
            headers.Remove(name);
        }
    }
}

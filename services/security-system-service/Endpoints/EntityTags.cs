using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace RealGuard.SecuritySystemService.Endpoints;

/// <summary>A security system's ETag is its version, as a strong entity tag: <c>"3"</c>.</summary>
public static class EntityTags
{
    public static string For(long version) => $"\"{version}\"";

    /// <summary>
    /// Whether an <c>If-Match</c> header lets a change to <paramref name="version"/> go ahead (RFC 9110 13.1.1: strong
    /// comparison, <c>*</c> matches). Null when the header is not a list of entity tags.
    /// </summary>
    public static bool? IfMatchAllows(StringValues ifMatch, long version)
    {
        if (!EntityTagHeaderValue.TryParseStrictList(ifMatch, out var tags) || tags.Count == 0)
        {
            return null;
        }
        var current = new EntityTagHeaderValue(For(version));
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: true));
    }
}

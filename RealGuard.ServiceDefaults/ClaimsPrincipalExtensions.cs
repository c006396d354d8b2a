using System.Security.Claims;

namespace Microsoft.Extensions.Hosting;

// Keycloak access-token claims, read by their JWT names (inbound claim mapping is off).
public static class ClaimsPrincipalExtensions
{
    public static string? GetUserId(this ClaimsPrincipal principal)
        => principal.FindFirst("sub")?.Value;

    public static string? GetUserName(this ClaimsPrincipal principal)
        => principal.FindFirst("preferred_username")?.Value;

    public static string? GetClientId(this ClaimsPrincipal principal)
        => principal.FindFirst("azp")?.Value;
}

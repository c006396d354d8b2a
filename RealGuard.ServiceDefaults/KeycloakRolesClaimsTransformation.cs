using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;

namespace RealGuard.ServiceDefaults;

/// <summary>
/// Turns Keycloak's nested role claims into flat role claims of type <see cref="RoleClaimType"/>:
/// <c>realm_access.roles</c> as they are, <c>resource_access.{client}.roles</c> as they are for the
/// API's own client (the audience) and as <c>{client}:{role}</c> for any other client.
/// </summary>
public sealed class KeycloakRolesClaimsTransformation(string audience) : IClaimsTransformation
{
    public const string RoleClaimType = "role";

    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity)
        {
            return Task.FromResult(principal);
        }

        // Authentication may run this more than once per request: add only roles not already present.
        var missingRoles = ReadRoles(identity)
            .Distinct(StringComparer.Ordinal)
            .Where(role => !identity.HasClaim(RoleClaimType, role))
            .ToList();

        if (missingRoles.Count == 0)
        {
            return Task.FromResult(principal);
        }

        // Enrich a copy: the authentication result, and so the original principal, may be cached.
        var enriched = identity.Clone();
        enriched.AddClaims(missingRoles.Select(role => new Claim(RoleClaimType, role)));

        return Task.FromResult(new ClaimsPrincipal(
            principal.Identities.Select(existing => ReferenceEquals(existing, identity) ? enriched : existing)));
    }

    private IEnumerable<string> ReadRoles(ClaimsIdentity identity)
    {
        foreach (var claim in JsonClaims(identity, "realm_access"))
        {
            foreach (var role in ParseRoles(claim.Value))
            {
                yield return role;
            }
        }

        foreach (var claim in JsonClaims(identity, "resource_access"))
        {
            foreach (var (client, roles) in ParseClientRoles(claim.Value))
            {
                foreach (var role in roles)
                {
                    yield return client == audience ? role : $"{client}:{role}";
                }
            }
        }
    }

    // Only claims that were JSON objects in the token: a string that merely contains JSON is not a role list.
    private static IEnumerable<Claim> JsonClaims(ClaimsIdentity identity, string type)
        => identity.FindAll(type).Where(claim => claim.ValueType == JsonClaimValueTypes.Json);

    // {"roles":["a","b"]}
    private static List<string> ParseRoles(string json)
    {
        using var document = TryParse(json);
        return document is null ? [] : RolesOf(document.RootElement);
    }

    // {"realguard-api":{"roles":["a"]},"account":{"roles":["b"]}}
    private static List<(string Client, List<string> Roles)> ParseClientRoles(string json)
    {
        using var document = TryParse(json);
        if (document?.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return document.RootElement.EnumerateObject()
            .Where(client => client.Name.Length > 0)
            .Select(client => (client.Name, RolesOf(client.Value)))
            .ToList();
    }

    private static List<string> RolesOf(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("roles", out var roles)
            || roles.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return roles.EnumerateArray()
            .Where(role => role.ValueKind == JsonValueKind.String)
            .Select(role => role.GetString()!)
            .Where(role => !string.IsNullOrWhiteSpace(role))
            .ToList();
    }

    // A malformed claim grants no role; it must not fail the request.
    private static JsonDocument? TryParse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

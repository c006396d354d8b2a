using RealGuard.CustomerService.Domain;
using RealGuard.ServiceDefaults;

namespace RealGuard.CustomerService.Authorization;

/// <summary>
/// RealGuardIO's role resolution at a location: the security-system roles a person holds there directly, those held
/// for the location's whole customer, and those of every team the person is a member of. Grants of another customer
/// never count, and a customer-only role (COMPANY_ROLE_ADMIN) is not a role at a location.
/// </summary>
public static class LocationRoleResolver
{
    /// <returns>The effective roles, distinct and in ordinal order; empty when the person holds none there.</returns>
    public static IReadOnlyList<string> EffectiveRoles(Guid locationId, Guid locationCustomerId, IEnumerable<RoleGrants> grants)
    {
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var grant in grants.Where(grant => grant.CustomerId == locationCustomerId))
        {
            roles.UnionWith(grant.CustomerRoles);
            roles.UnionWith(At(locationId, grant.LocationRoles));
            roles.UnionWith(At(locationId, grant.TeamLocationRoles));
        }

        roles.RemoveWhere(role => !DataRoles.IsLocationRole(role));
        return [.. roles];
    }

    private static IEnumerable<string> At(Guid locationId, IEnumerable<LocationGrant> grants)
        => grants.Where(grant => grant.LocationId == locationId).Select(grant => grant.RoleName);
}

using RealGuard.CustomerService.Domain;

namespace RealGuard.CustomerService.Authorization;

/// <summary>A role held at one location, by an employee directly or through a team.</summary>
public readonly record struct LocationGrant(Guid LocationId, string RoleName);

/// <summary>Everything one employee record grants its person: customer-level roles, direct location roles, team location roles.</summary>
public sealed record RoleGrants(
    Guid CustomerId,
    IReadOnlyCollection<string> CustomerRoles,
    IReadOnlyCollection<LocationGrant> LocationRoles,
    IReadOnlyCollection<LocationGrant> TeamLocationRoles)
{
    /// <summary>The grants of an employee loaded with its roles and its teams' location roles.</summary>
    public static RoleGrants Of(Employee employee) => new(
        employee.CustomerId,
        employee.CustomerRoles.Select(role => role.RoleName).ToList(),
        employee.LocationRoles.Select(role => new LocationGrant(role.LocationId, role.RoleName)).ToList(),
        employee.Memberships
            .SelectMany(membership => membership.Team?.LocationRoles
                ?? throw new InvalidOperationException("Load the employee's teams with their location roles."))
            .Select(role => new LocationGrant(role.LocationId, role.RoleName))
            .ToList());
}

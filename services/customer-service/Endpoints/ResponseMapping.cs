using RealGuard.CustomerService.Domain;

namespace RealGuard.CustomerService.Endpoints;

/// <summary>Entities to their JSON shapes (docs/api.md), lists in a stable order.</summary>
public static class ResponseMapping
{
    public static CustomerResponse ToResponse(this Customer customer) => new(customer.Id, customer.Name);

    public static LocationResponse ToResponse(this Location location) => new(location.Id, location.CustomerId, location.Name);

    /// <param name="includeContactDetails">Field-level authorization: e-mail and phone only for those allowed to see them.</param>
    public static EmployeeResponse ToResponse(this Employee employee, bool includeContactDetails) => new(
        employee.Id,
        employee.CustomerId,
        employee.UserId,
        employee.FirstName,
        employee.LastName,
        employee.CustomerRoles.Select(role => role.RoleName).Order(StringComparer.Ordinal).ToList(),
        employee.LocationRoles
            .Select(role => new LocationRoleResponse(role.LocationId, role.RoleName))
            .OrderBy(role => role.LocationId).ThenBy(role => role.RoleName, StringComparer.Ordinal)
            .ToList())
    {
        Email = includeContactDetails ? employee.Email : null,
        Phone = includeContactDetails ? employee.Phone : null,
    };

    public static TeamResponse ToResponse(this Team team) => new(
        team.Id,
        team.CustomerId,
        team.Name,
        team.Members.Select(member => member.EmployeeId).Order().ToList(),
        team.LocationRoles
            .Select(role => new LocationRoleResponse(role.LocationId, role.RoleName))
            .OrderBy(role => role.LocationId).ThenBy(role => role.RoleName, StringComparer.Ordinal)
            .ToList());

    public static IEnumerable<Employee> InDisplayOrder(this IEnumerable<Employee> employees) =>
        employees.OrderBy(employee => employee.LastName, StringComparer.Ordinal)
            .ThenBy(employee => employee.FirstName, StringComparer.Ordinal)
            .ThenBy(employee => employee.Id);

    public static IEnumerable<Location> InDisplayOrder(this IEnumerable<Location> locations) =>
        locations.OrderBy(location => location.Name, StringComparer.Ordinal).ThenBy(location => location.Id);

    public static IEnumerable<Team> InDisplayOrder(this IEnumerable<Team> teams) =>
        teams.OrderBy(team => team.Name, StringComparer.Ordinal).ThenBy(team => team.Id);
}

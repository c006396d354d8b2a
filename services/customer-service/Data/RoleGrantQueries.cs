using Microsoft.EntityFrameworkCore;
using RealGuard.CustomerService.Authorization;
using RealGuard.CustomerService.Domain;

namespace RealGuard.CustomerService.Data;

/// <summary>Loads employees with everything <see cref="LocationRoleResolver"/> needs.</summary>
public static class RoleGrantQueries
{
    /// <summary>Employees with their customer roles, location roles and their teams' location roles; read-only.</summary>
    public static IQueryable<Employee> WithGrants(this IQueryable<Employee> employees) =>
        employees
            .Include(employee => employee.CustomerRoles)
            .Include(employee => employee.LocationRoles)
            .Include(employee => employee.Memberships).ThenInclude(membership => membership.Team!).ThenInclude(team => team.LocationRoles)
            .AsSplitQuery()
            .AsNoTracking();

    /// <summary>What the person behind <paramref name="userId"/> (a token's <c>sub</c>) holds, for each customer employing them.</summary>
    public static async Task<IReadOnlyList<RoleGrants>> GrantsOfUserAsync(this CustomerDbContext db, string userId, CancellationToken cancellationToken)
    {
        var employees = await db.Employees.Where(employee => employee.UserId == userId).WithGrants().ToListAsync(cancellationToken);
        return employees.Select(RoleGrants.Of).ToList();
    }
}

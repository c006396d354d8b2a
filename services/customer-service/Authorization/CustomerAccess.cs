using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RealGuard.CustomerService.Data;
using RealGuard.CustomerService.Domain;
using RealGuard.ServiceDefaults;

namespace RealGuard.CustomerService.Authorization;

/// <summary>How much of one customer the caller may see and do, from least to most.</summary>
public enum CustomerAccessLevel
{
    /// <summary>The customer does not exist, or the caller has no business knowing it does.</summary>
    None,

    /// <summary>An employee of the customer: reads it, without others' contact details.</summary>
    Employee,

    /// <summary>COMPANY_ROLE_ADMIN of the customer: manages its employees, locations, teams and roles.</summary>
    CompanyAdmin,

    /// <summary>REALGUARDIO_ADMIN: the operator, who may do everything.</summary>
    RealGuardAdmin,
}

/// <summary>
/// Data-level authorization (RealGuardIO's LocalCustomerActionAuthorizer): the caller's employee record in the customer,
/// found by the token's <c>sub</c>, and the customer-level roles it holds.
/// </summary>
public sealed class CustomerAccess(CustomerDbContext db)
{
    public async Task<CustomerAccessLevel> OfAsync(ClaimsPrincipal caller, Guid customerId, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(customer => customer.Id == customerId, cancellationToken))
        {
            return CustomerAccessLevel.None;
        }
        if (caller.IsInRole(RealmRoles.Admin))
        {
            return CustomerAccessLevel.RealGuardAdmin;
        }
        if (caller.GetUserId() is not { } userId)
        {
            return CustomerAccessLevel.None;
        }

        var roles = await db.Employees
            .Where(employee => employee.CustomerId == customerId && employee.UserId == userId)
            .Select(employee => employee.CustomerRoles.Select(role => role.RoleName).ToList())
            .FirstOrDefaultAsync(cancellationToken);
        return roles switch
        {
            null => CustomerAccessLevel.None,
            _ when roles.Contains(DataRoles.CompanyAdmin) => CustomerAccessLevel.CompanyAdmin,
            _ => CustomerAccessLevel.Employee,
        };
    }
}

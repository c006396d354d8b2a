using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RealGuard.CustomerService.Authorization;
using RealGuard.CustomerService.Data;

namespace RealGuard.CustomerService.Endpoints;

public static class RoleAssignmentsApi
{
    public static IEndpointRouteBuilder MapRoleAssignmentsApi(this IEndpointRouteBuilder endpoints)
    {
        var customer = endpoints.MapGroup("/customers/{customerId:guid}").WithTags("Role assignments");

        customer.MapPut("/customer-roles", AssignCustomerRoleAsync)
            .WithSummary("Gives an employee a role for the whole customer (all its locations); idempotent.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        customer.MapPut("/location-roles", AssignLocationRoleAsync)
            .WithSummary("Gives an employee a role at one of the customer's locations; idempotent.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    private static async Task<Results<Ok<CustomerRoleAssignmentResponse>, ProblemHttpResult>> AssignCustomerRoleAsync(Guid customerId, AssignCustomerRoleRequest request,
        ClaimsPrincipal caller, CustomerAccess access, CustomerDbContext db, CancellationToken cancellationToken)
    {
        var level = await access.OfAsync(caller, customerId, cancellationToken);
        if (level.Unless(CustomerAccessLevel.CompanyAdmin, "assign roles") is { } denied)
        {
            return denied;
        }
        var (employeeId, roleName) = request.ToAssignment();

        var employee = await db.Employees.Include(e => e.CustomerRoles)
            .FirstOrDefaultAsync(e => e.Id == employeeId && e.CustomerId == customerId, cancellationToken);
        if (employee is null)
        {
            return EmployeeNotFound();
        }

        employee.AssignCustomerRole(roleName);
        await SaveAssignmentAsync(db, cancellationToken);
        return TypedResults.Ok(new CustomerRoleAssignmentResponse(employeeId, roleName));
    }

    private static async Task<Results<Ok<LocationRoleAssignmentResponse>, ProblemHttpResult>> AssignLocationRoleAsync(Guid customerId, AssignLocationRoleRequest request,
        ClaimsPrincipal caller, CustomerAccess access, CustomerDbContext db, CancellationToken cancellationToken)
    {
        var level = await access.OfAsync(caller, customerId, cancellationToken);
        if (level.Unless(CustomerAccessLevel.CompanyAdmin, "assign roles") is { } denied)
        {
            return denied;
        }
        var (employeeId, locationId, roleName) = request.ToAssignment();

        var employee = await db.Employees.Include(e => e.LocationRoles)
            .FirstOrDefaultAsync(e => e.Id == employeeId && e.CustomerId == customerId, cancellationToken);
        if (employee is null)
        {
            return EmployeeNotFound();
        }
        if (!await db.Locations.AnyAsync(location => location.Id == locationId && location.CustomerId == customerId, cancellationToken))
        {
            return Problems.NotFound("No such location at this customer.");
        }

        employee.AssignLocationRole(locationId, roleName);
        await SaveAssignmentAsync(db, cancellationToken);
        return TypedResults.Ok(new LocationRoleAssignmentResponse(employeeId, locationId, roleName));
    }

    /// <summary>
    /// Assignments are idempotent: when the same assignment is made twice at once, the second insert hits the
    /// primary key of the first, and the outcome the caller asked for holds all the same.
    /// </summary>
    private static async Task SaveAssignmentAsync(CustomerDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }

    private static ProblemHttpResult EmployeeNotFound() => Problems.NotFound("No such employee at this customer.");
}

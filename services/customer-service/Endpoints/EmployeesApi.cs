using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RealGuard.CustomerService.Authorization;
using RealGuard.CustomerService.Data;
using RealGuard.CustomerService.Iam;

namespace RealGuard.CustomerService.Endpoints;

public static class EmployeesApi
{
    public static IEndpointRouteBuilder MapEmployeesApi(this IEndpointRouteBuilder endpoints)
    {
        var employees = endpoints.MapGroup("/customers/{customerId:guid}/employees").WithTags("Employees");

        employees.MapPost("", CreateEmployeeAsync)
            .WithSummary("Creates an employee and provisions the person in the IAM (COMPANY_ROLE_ADMIN of the customer, REALGUARDIO_ADMIN).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        employees.MapGet("", ListEmployeesAsync)
            .WithSummary("The customer's employees; e-mail and phone only for its company administrators and REALGUARDIO_ADMIN.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    private static async Task<Results<Created<EmployeeResponse>, ProblemHttpResult>> CreateEmployeeAsync(Guid customerId, PersonRequest request, ClaimsPrincipal caller,
        CustomerAccess access, PersonOnboarding onboarding, CustomerDbContext db, CancellationToken cancellationToken)
    {
        var level = await access.OfAsync(caller, customerId, cancellationToken);
        if (level.Unless(CustomerAccessLevel.CompanyAdmin, "create employees") is { } denied)
        {
            return denied;
        }
        var person = request.ToNewPerson();

        try
        {
            var onboarded = await onboarding.OnboardAsync(person, userId =>
            {
                var employee = PersonOnboarding.NewEmployee(customerId, userId, person);
                db.Employees.Add(employee);
                return employee;
            }, cancellationToken);

            return TypedResults.Created((string?)null,
                onboarded.Employee.ToResponse(includeContactDetails: true) with { InitialPassword = onboarded.InitialPassword });
        }
        catch (PersonExistsException)
        {
            return Problems.PersonExists();
        }
        catch (IamUnavailableException)
        {
            return Problems.IamUnavailable();
        }
    }

    private static async Task<Results<Ok<EmployeesResponse>, ProblemHttpResult>> ListEmployeesAsync(Guid customerId, ClaimsPrincipal caller, CustomerAccess access,
        CustomerDbContext db, CancellationToken cancellationToken)
    {
        var level = await access.OfAsync(caller, customerId, cancellationToken);
        if (level.Unless(CustomerAccessLevel.Employee, "list its employees") is { } denied)
        {
            return denied;
        }

        var employees = await db.Employees
            .Where(employee => employee.CustomerId == customerId)
            .Include(employee => employee.CustomerRoles)
            .Include(employee => employee.LocationRoles)
            .AsSplitQuery()
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var seesContactDetails = level >= CustomerAccessLevel.CompanyAdmin;
        return TypedResults.Ok(new EmployeesResponse(
            employees.InDisplayOrder().Select(employee => employee.ToResponse(seesContactDetails)).ToList()));
    }
}

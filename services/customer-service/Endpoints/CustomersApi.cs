using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RealGuard.CustomerService.Authorization;
using RealGuard.CustomerService.Data;
using RealGuard.CustomerService.Domain;
using RealGuard.CustomerService.Iam;
using RealGuard.ServiceDefaults;

namespace RealGuard.CustomerService.Endpoints;

public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder endpoints)
    {
        var customers = endpoints.MapGroup("/customers").WithTags("Customers");

        customers.MapPost("", CreateCustomerAsync)
            .RequireAuthorization(Policies.RealGuardAdmin)
            .WithSummary("Creates a customer and provisions its initial administrator in the IAM (REALGUARDIO_ADMIN).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        customers.MapGet("", ListCustomersAsync)
            .WithSummary("All customers for REALGUARDIO_ADMIN; the caller's own customers for an employee.");

        customers.MapGet("/{customerId:guid}", GetCustomerAsync)
            .WithSummary("A customer with its employees (contact details for administrators only), locations and teams.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    private static async Task<Results<Created<CreateCustomerResponse>, ProblemHttpResult>> CreateCustomerAsync(CreateCustomerRequest request, PersonOnboarding onboarding,
        CustomerDbContext db, CancellationToken cancellationToken)
    {
        var (name, administrator) = request.ToNewCustomer();

        var customer = new Customer { Name = name };
        try
        {
            var onboarded = await onboarding.OnboardAsync(administrator, userId =>
            {
                var employee = PersonOnboarding.NewEmployee(customer.Id, userId, administrator);
                employee.AssignCustomerRole(DataRoles.CompanyAdmin);
                customer.Employees.Add(employee);
                db.Customers.Add(customer);
                return employee;
            }, cancellationToken);

            var response = new CreateCustomerResponse(
                customer.ToResponse(),
                onboarded.Employee.ToResponse(includeContactDetails: true) with { InitialPassword = onboarded.InitialPassword });
            return TypedResults.Created($"/customers/{customer.Id}", response);
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

    private static async Task<Ok<CustomersResponse>> ListCustomersAsync(ClaimsPrincipal caller, CustomerDbContext db, CancellationToken cancellationToken)
    {
        var customers = db.Customers.AsNoTracking();
        if (!caller.IsInRole(RealmRoles.Admin))
        {
            var userId = caller.GetUserId();
            customers = customers.Where(customer => customer.Employees.Any(employee => employee.UserId == userId));
        }
        var list = await customers.ToListAsync(cancellationToken);
        return TypedResults.Ok(new CustomersResponse(
            list.OrderBy(customer => customer.Name, StringComparer.Ordinal).ThenBy(customer => customer.Id).Select(customer => customer.ToResponse()).ToList()));
    }

    private static async Task<Results<Ok<CustomerDetailsResponse>, ProblemHttpResult>> GetCustomerAsync(Guid customerId, ClaimsPrincipal caller, CustomerAccess access,
        CustomerDbContext db, CancellationToken cancellationToken)
    {
        var level = await access.OfAsync(caller, customerId, cancellationToken);
        if (level.Unless(CustomerAccessLevel.Employee, "read it") is { } denied)
        {
            return denied;
        }

        var customer = await db.Customers
            .Include(c => c.Employees).ThenInclude(employee => employee.CustomerRoles)
            .Include(c => c.Employees).ThenInclude(employee => employee.LocationRoles)
            .Include(c => c.Locations)
            .Include(c => c.Teams).ThenInclude(team => team.Members)
            .Include(c => c.Teams).ThenInclude(team => team.LocationRoles)
            .AsSplitQuery()
            .AsNoTracking()
            .FirstAsync(c => c.Id == customerId, cancellationToken);

        var seesContactDetails = level >= CustomerAccessLevel.CompanyAdmin;
        return TypedResults.Ok(new CustomerDetailsResponse(
            customer.Id,
            customer.Name,
            customer.Employees.InDisplayOrder().Select(employee => employee.ToResponse(seesContactDetails)).ToList(),
            customer.Locations.InDisplayOrder().Select(location => location.ToResponse()).ToList(),
            customer.Teams.InDisplayOrder().Select(team => team.ToResponse()).ToList()));
    }
}

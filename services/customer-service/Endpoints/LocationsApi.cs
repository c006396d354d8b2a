using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RealGuard.CustomerService.Authorization;
using RealGuard.CustomerService.Data;
using RealGuard.CustomerService.Domain;
using RealGuard.ServiceDefaults;

namespace RealGuard.CustomerService.Endpoints;

public static class LocationsApi
{
    public static IEndpointRouteBuilder MapLocationsApi(this IEndpointRouteBuilder endpoints)
    {
        var customerLocations = endpoints.MapGroup("/customers/{customerId:guid}/locations").WithTags("Locations");

        customerLocations.MapPost("", CreateLocationAsync)
            .WithSummary("Creates a location (COMPANY_ROLE_ADMIN of the customer, REALGUARDIO_ADMIN).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        customerLocations.MapGet("", ListLocationsAsync)
            .WithSummary("The customer's locations (its employees, REALGUARDIO_ADMIN).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var locations = endpoints.MapGroup("/locations/{locationId:guid}").WithTags("Locations");

        locations.MapGet("", GetLocationAsync)
            .WithSummary("A location (employees of its customer, REALGUARDIO_ADMIN).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        locations.MapGet("/roles", GetMyRolesAsync)
            .WithSummary("The caller's effective roles at the location: direct, held for the whole customer, and through teams.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        locations.MapGet("/people", GetPeopleAsync)
            .RequireAuthorization(Policies.ReadLocationPeople)
            .WithSummary("Everyone with a role at the location (locations:read-people service role, REALGUARDIO_ADMIN).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    private static async Task<Results<Created<LocationResponse>, ProblemHttpResult>> CreateLocationAsync(Guid customerId, NameRequest request, ClaimsPrincipal caller,
        CustomerAccess access, CustomerDbContext db, CancellationToken cancellationToken)
    {
        var level = await access.OfAsync(caller, customerId, cancellationToken);
        if (level.Unless(CustomerAccessLevel.CompanyAdmin, "create locations") is { } denied)
        {
            return denied;
        }

        var location = new Location { CustomerId = customerId, Name = request.ToNewName().Name };
        db.Locations.Add(location);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/locations/{location.Id}", location.ToResponse());
    }

    private static async Task<Results<Ok<LocationsResponse>, ProblemHttpResult>> ListLocationsAsync(Guid customerId, ClaimsPrincipal caller, CustomerAccess access,
        CustomerDbContext db, CancellationToken cancellationToken)
    {
        var level = await access.OfAsync(caller, customerId, cancellationToken);
        if (level.Unless(CustomerAccessLevel.Employee, "list its locations") is { } denied)
        {
            return denied;
        }

        var locations = await db.Locations.AsNoTracking().Where(location => location.CustomerId == customerId).ToListAsync(cancellationToken);
        return TypedResults.Ok(new LocationsResponse(locations.InDisplayOrder().Select(location => location.ToResponse()).ToList()));
    }

    private static async Task<Results<Ok<LocationResponse>, ProblemHttpResult>> GetLocationAsync(Guid locationId, ClaimsPrincipal caller, CustomerAccess access,
        CustomerDbContext db, CancellationToken cancellationToken)
    {
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(location => location.Id == locationId, cancellationToken);
        if (location is null || await access.OfAsync(caller, location.CustomerId, cancellationToken) == CustomerAccessLevel.None)
        {
            return LocationNotFound();
        }
        return TypedResults.Ok(location.ToResponse());
    }

    private static async Task<Results<Ok<RolesResponse>, ProblemHttpResult>> GetMyRolesAsync(Guid locationId, ClaimsPrincipal caller, CustomerDbContext db,
        CancellationToken cancellationToken)
    {
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(location => location.Id == locationId, cancellationToken);
        if (location is null)
        {
            return LocationNotFound();
        }

        var grants = caller.GetUserId() is { } userId ? await db.GrantsOfUserAsync(userId, cancellationToken) : [];
        if (!caller.IsInRole(RealmRoles.Admin) && grants.All(grant => grant.CustomerId != location.CustomerId))
        {
            return LocationNotFound();
        }
        return TypedResults.Ok(new RolesResponse(LocationRoleResolver.EffectiveRoles(location.Id, location.CustomerId, grants)));
    }

    private static async Task<Results<Ok<PeopleResponse>, ProblemHttpResult>> GetPeopleAsync(Guid locationId, CustomerDbContext db, CancellationToken cancellationToken)
    {
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(location => location.Id == locationId, cancellationToken);
        if (location is null)
        {
            return LocationNotFound();
        }

        var employees = await db.Employees.Where(employee => employee.CustomerId == location.CustomerId).WithGrants().ToListAsync(cancellationToken);
        var people = employees.InDisplayOrder()
            .Select(employee => new PersonWithRolesResponse(
                employee.UserId,
                employee.FullName,
                LocationRoleResolver.EffectiveRoles(location.Id, location.CustomerId, [RoleGrants.Of(employee)])))
            .Where(person => person.Roles.Count > 0)
            .ToList();
        return TypedResults.Ok(new PeopleResponse(people));
    }

    private static ProblemHttpResult LocationNotFound() => Problems.NotFound("No such location.");
}

using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RealGuard.CustomerService.Authorization;
using RealGuard.CustomerService.Data;
using RealGuard.CustomerService.Domain;

namespace RealGuard.CustomerService.Endpoints;

public static class TeamsApi
{
    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder endpoints)
    {
        var teams = endpoints.MapGroup("/customers/{customerId:guid}/teams").WithTags("Teams");

        teams.MapPost("", CreateTeamAsync)
            .WithSummary("Creates a team (COMPANY_ROLE_ADMIN of the customer, REALGUARDIO_ADMIN).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        teams.MapPost("/{teamId:guid}/members", AddMemberAsync)
            .WithSummary("Adds an employee of the customer to the team; idempotent.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        teams.MapPut("/{teamId:guid}/location-roles", AssignLocationRoleAsync)
            .WithSummary("Gives the team (so each member) a role at one of the customer's locations; idempotent.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    private static async Task<Results<Created<TeamResponse>, ProblemHttpResult>> CreateTeamAsync(Guid customerId, NameRequest request, ClaimsPrincipal caller,
        CustomerAccess access, CustomerDbContext db, CancellationToken cancellationToken)
    {
        var level = await access.OfAsync(caller, customerId, cancellationToken);
        if (level.Unless(CustomerAccessLevel.CompanyAdmin, "create teams") is { } denied)
        {
            return denied;
        }

        var team = new Team { CustomerId = customerId, Name = request.ToNewName().Name };
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created((string?)null, team.ToResponse());
    }

    private static async Task<Results<Ok<TeamResponse>, ProblemHttpResult>> AddMemberAsync(Guid customerId, Guid teamId, AddTeamMemberRequest request,
        ClaimsPrincipal caller, CustomerAccess access, CustomerDbContext db, CancellationToken cancellationToken)
    {
        var level = await access.OfAsync(caller, customerId, cancellationToken);
        if (level.Unless(CustomerAccessLevel.CompanyAdmin, "change teams") is { } denied)
        {
            return denied;
        }

        var team = await FindTeamAsync(db, customerId, teamId, cancellationToken);
        if (team is null)
        {
            return TeamNotFound();
        }
        var employeeId = request.ToMembership().EmployeeId;
        if (!await db.Employees.AnyAsync(employee => employee.Id == employeeId && employee.CustomerId == customerId, cancellationToken))
        {
            return Problems.NotFound("No such employee at this customer.");
        }

        team.AddMember(employeeId);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(team.ToResponse());
    }

    private static async Task<Results<Ok<TeamResponse>, ProblemHttpResult>> AssignLocationRoleAsync(Guid customerId, Guid teamId, AssignTeamLocationRoleRequest request,
        ClaimsPrincipal caller, CustomerAccess access, CustomerDbContext db, CancellationToken cancellationToken)
    {
        var level = await access.OfAsync(caller, customerId, cancellationToken);
        if (level.Unless(CustomerAccessLevel.CompanyAdmin, "assign roles") is { } denied)
        {
            return denied;
        }

        var team = await FindTeamAsync(db, customerId, teamId, cancellationToken);
        if (team is null)
        {
            return TeamNotFound();
        }
        var (locationId, roleName) = request.ToAssignment();
        if (!await db.Locations.AnyAsync(location => location.Id == locationId && location.CustomerId == customerId, cancellationToken))
        {
            return Problems.NotFound("No such location at this customer.");
        }

        team.AssignLocationRole(locationId, roleName);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(team.ToResponse());
    }

    private static Task<Team?> FindTeamAsync(CustomerDbContext db, Guid customerId, Guid teamId, CancellationToken cancellationToken) =>
        db.Teams
            .Include(team => team.Members)
            .Include(team => team.LocationRoles)
            .AsSplitQuery()
            .FirstOrDefaultAsync(team => team.Id == teamId && team.CustomerId == customerId, cancellationToken);

    private static ProblemHttpResult TeamNotFound() => Problems.NotFound("No such team at this customer.");
}

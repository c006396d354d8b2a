using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RealGuard.SecuritySystemService.Data;
using RealGuard.SecuritySystemService.Domain;
using RealGuard.SecuritySystemService.Authorization;

namespace RealGuard.SecuritySystemService.Endpoints;

/// <summary>docs/api.md, "security-system-service".</summary>
public static class SecuritySystemApi
{
    /// <summary>Far more than any body of this API needs; a larger one is refused (413) unread.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapSecuritySystemApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/securitysystems")
            .WithTags("Security systems")
            .RequireAuthorization()
            .AddEndpointFilter<CustomerServiceUnavailableFilter>()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("", ListAsync)
            .WithSummary("The security systems the caller may view (administrators: all), with the actions the caller may take.");

        api.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One security system; its ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/{id:guid}", ApplyActionAsync)
            .WithSummary("ARM, DISARM or ACKNOWLEDGE, by location role; If-Match optional.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapPost("", CreateAsync)
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Gives a location its security system (DISARMED).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapGet("/{id:guid}/audit", GetAuditAsync)
            .WithSummary("Every state change of the system: who, when, what, from and to; oldest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{id:guid}/alarms", RaiseAlarmAsync)
            .RequireAuthorization(Policies.AlarmRaiser)
            .WithSummary("A device raises an alarm: ARMED becomes ALARMED.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    public static async Task<Ok<SecuritySystemListResponse>> ListAsync(ClaimsPrincipal user, [AsParameters] SecuritySystemServices services, CancellationToken cancellationToken)
    {
        var access = await services.Access.ToAllAsync(user, cancellationToken);
        var systems = services.Db.SecuritySystems.AsNoTracking();
        if (!access.IsAdministrator)
        {
            var viewable = access.ViewableLocations;
            systems = systems.Where(system => viewable.Contains(system.LocationId));
        }

        var visible = await systems.OrderBy(system => system.LocationName).ThenBy(system => system.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new SecuritySystemListResponse(
            [.. visible.Select(system => SecuritySystemResponse.From(system, access.At(system.LocationId).ActionsOn(system)))]));
    }

    public static async Task<Results<Ok<SecuritySystemResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, HttpResponse response, [AsParameters] SecuritySystemServices services, CancellationToken cancellationToken)
    {
        var system = await services.Db.SecuritySystems.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (system is null)
        {
            return SecuritySystemProblems.NotFound(id);
        }

        var access = await services.Access.ToAsync(user, system, cancellationToken);
        if (!access.CanView)
        {
            return SecuritySystemProblems.NotFound(id);
        }

        response.Headers.ETag = EntityTags.For(system.Version);
        return TypedResults.Ok(SecuritySystemResponse.From(system, access.ActionsOn(system)));
    }

    public static async Task<Results<Ok<SecuritySystemResponse>, ProblemHttpResult, ValidationProblem>> ApplyActionAsync(
        Guid id, SecuritySystemActionRequest body, ClaimsPrincipal user, HttpRequest request, HttpResponse response,
        [AsParameters] SecuritySystemServices services, CancellationToken cancellationToken)
    {
        var action = body.ToAction();

        var system = await services.Db.SecuritySystems.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (system is null)
        {
            return SecuritySystemProblems.NotFound(id);
        }

        var access = await services.Access.ToAsync(user, system, cancellationToken);
        if (!access.CanView)
        {
            return SecuritySystemProblems.NotFound(id);
        }
        if (!access.MayTake(action))
        {
            return SecuritySystemProblems.MayNotTake(action);
        }

        if (request.Headers.IfMatch.Count > 0)
        {
            switch (EntityTags.IfMatchAllows(request.Headers.IfMatch, system.Version))
            {
                case null:
                    return SecuritySystemProblems.MalformedIfMatch();
                case false:
                    response.Headers.ETag = EntityTags.For(system.Version);
                    return SecuritySystemProblems.StaleVersion(system);
            }
        }

        if (system.Apply(action) is not { } change)
        {
            return SecuritySystemProblems.InvalidTransition(system, action);
        }

        return await TrySaveChangeAsync(system, change, user, response, services, cancellationToken) is { } problem
            ? problem
            : TypedResults.Ok(SecuritySystemResponse.From(system, access.ActionsOn(system)));
    }

    public static async Task<Results<Created<SecuritySystemResponse>, ProblemHttpResult>> CreateAsync(
        CreateSecuritySystemRequest body, ClaimsPrincipal user, HttpResponse response, [AsParameters] SecuritySystemServices services,
        CancellationToken cancellationToken)
    {
        var locationId = body.ToLocationId();

        // As the caller: customer-service decides whether they may know the location.
        var location = await services.CustomerService.GetLocationAsync(locationId, cancellationToken);
        if (location is null)
        {
            return SecuritySystemProblems.LocationNotFound(locationId);
        }
        if (await services.Db.SecuritySystems.AnyAsync(s => s.LocationId == locationId, cancellationToken))
        {
            return SecuritySystemProblems.LocationHasSystem(locationId);
        }

        var system = SecuritySystem.Create(Guid.CreateVersion7(services.Time.GetUtcNow()), locationId, location.Name);
        services.Db.SecuritySystems.Add(system);
        try
        {
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Created by a concurrent request between the check and the insert: the unique index caught it.
            services.Db.ChangeTracker.Clear();
            if (await services.Db.SecuritySystems.AnyAsync(s => s.LocationId == locationId, cancellationToken))
            {
                return SecuritySystemProblems.LocationHasSystem(locationId);
            }
            throw;
        }

        var access = await services.Access.ToAsync(user, system, cancellationToken);
        response.Headers.ETag = EntityTags.For(system.Version);
        return TypedResults.Created($"/securitysystems/{system.Id}", SecuritySystemResponse.From(system, access.ActionsOn(system)));
    }

    public static async Task<Results<Ok<AuditResponse>, ProblemHttpResult>> GetAuditAsync(
        Guid id, ClaimsPrincipal user, [AsParameters] SecuritySystemServices services, CancellationToken cancellationToken)
    {
        var system = await services.Db.SecuritySystems.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (system is null || !(await services.Access.ToAsync(user, system, cancellationToken)).CanView)
        {
            return SecuritySystemProblems.NotFound(id);
        }

        var entries = await services.Db.AuditEntries.AsNoTracking()
            .Where(entry => entry.SecuritySystemId == id)
            .OrderBy(entry => entry.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new AuditResponse([.. entries.Select(AuditEntryResponse.Of)]));
    }

    public static async Task<Results<Ok<SecuritySystemResponse>, ProblemHttpResult>> RaiseAlarmAsync(
        Guid id, ClaimsPrincipal user, HttpResponse response, [AsParameters] SecuritySystemServices services, CancellationToken cancellationToken)
    {
        var system = await services.Db.SecuritySystems.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (system is null)
        {
            return SecuritySystemProblems.NotFound(id);
        }
        if (system.RaiseAlarm() is not { } change)
        {
            return SecuritySystemProblems.NotArmed(system);
        }

        // A device holds no location role, so it is offered no action.
        return await TrySaveChangeAsync(system, change, user, response, services, cancellationToken) is { } problem
            ? problem
            : TypedResults.Ok(SecuritySystemResponse.From(system, []));
    }

    /// <summary>The new state, its audit entry and its event in one transaction; the loser of a race gets 409.</summary>
    private static async Task<ProblemHttpResult?> TrySaveChangeAsync(
        SecuritySystem system, StateChange change, ClaimsPrincipal user, HttpResponse response, SecuritySystemServices services,
        CancellationToken cancellationToken)
    {
        services.Db.RecordStateChange(system, change, Actor.From(user), services.Time.GetUtcNow());
        try
        {
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SecuritySystemProblems.ChangedConcurrently();
        }

        services.Outbox.Notify();
        response.Headers.ETag = EntityTags.For(system.Version);
        return null;
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RealGuard.CustomerService.Authorization;
using RealGuard.CustomerService.Data;

namespace RealGuard.CustomerService.Endpoints;

public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/me/locations", GetMyLocationsAsync)
            .WithTags("Me")
            .WithSummary("Every location where the caller holds a role, with the roles.");
        return endpoints;
    }

    private static async Task<Ok<MyLocationsResponse>> GetMyLocationsAsync(ClaimsPrincipal caller, CustomerDbContext db, CancellationToken cancellationToken)
    {
        if (caller.GetUserId() is not { } userId)
        {
            return TypedResults.Ok(new MyLocationsResponse([]));
        }

        var grants = await db.GrantsOfUserAsync(userId, cancellationToken);
        var customerIds = grants.Select(grant => grant.CustomerId).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking()
            .Where(location => customerIds.Contains(location.CustomerId))
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new MyLocationsResponse(locations.InDisplayOrder()
            .Select(location => new LocationWithRolesResponse(location.Id, location.CustomerId, location.Name,
                LocationRoleResolver.EffectiveRoles(location.Id, location.CustomerId, grants)))
            .Where(location => location.Roles.Count > 0)
            .ToList()));
    }
}

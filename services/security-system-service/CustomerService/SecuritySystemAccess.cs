using System.Security.Claims;
using Microsoft.Extensions.Hosting;
using RealGuard.SecuritySystemService.Domain;
using RealGuard.ServiceDefaults;

namespace RealGuard.SecuritySystemService.CustomerService;

/// <summary>What the caller may do with security systems: from their token (administrator) and their location roles.</summary>
public sealed class SecuritySystemAccess(CallerLocationRoles locationRoles)
{
    public async Task<CallerAccess> ToAsync(ClaimsPrincipal user, SecuritySystem system, CancellationToken cancellationToken)
        => new(IsAdministrator(user), await locationRoles.AtLocationAsync(UserId(user), system.LocationId, cancellationToken));

    /// <summary>The caller's access at every location, from one call to customer-service.</summary>
    public async Task<CallerAccessByLocation> ToAllAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
        => new(IsAdministrator(user), await locationRoles.AtAllLocationsAsync(UserId(user), cancellationToken));

    private static bool IsAdministrator(ClaimsPrincipal user) => user.IsInRole(RealmRoles.Admin);

    private static string UserId(ClaimsPrincipal user)
        => user.GetUserId() ?? throw new InvalidOperationException("The access token has no 'sub'.");
}

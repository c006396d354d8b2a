using System.Security.Claims;
using Microsoft.Extensions.Hosting;
using RealGuard.SecuritySystemService.Domain;
using RealGuard.ServiceDefaults;

namespace RealGuard.SecuritySystemService.CustomerService;

/// <summary>
/// What the caller may do with security systems: from their token (administrator) and their location roles. A RealGuard
/// administrator views every system and holds no location role, so they are served without asking customer-service,
/// also while it is down.
/// </summary>
public sealed class SecuritySystemAccess(CallerLocationRoles locationRoles)
{
    private static readonly IReadOnlyDictionary<Guid, IReadOnlySet<string>> NoLocations = new Dictionary<Guid, IReadOnlySet<string>>();

    public async Task<CallerAccess> ToAsync(ClaimsPrincipal user, SecuritySystem system, CancellationToken cancellationToken)
        => IsAdministrator(user)
            ? new(IsAdministrator: true, CallerAccess.NoRoles)
            : new(IsAdministrator: false, await locationRoles.AtLocationAsync(UserId(user), system.LocationId, cancellationToken));

    /// <summary>The caller's access at every location, from one call to customer-service.</summary>
    public async Task<CallerAccessByLocation> ToAllAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
        => IsAdministrator(user)
            ? new(isAdministrator: true, NoLocations)
            : new(isAdministrator: false, await locationRoles.AtAllLocationsAsync(UserId(user), cancellationToken));

    private static bool IsAdministrator(ClaimsPrincipal user) => user.IsInRole(RealmRoles.Admin);

    private static string UserId(ClaimsPrincipal user)
        => user.GetUserId() ?? throw new InvalidOperationException("The access token has no 'sub'.");
}

using Microsoft.Extensions.Caching.Memory;

namespace RealGuard.SecuritySystemService.CustomerService;

/// <summary>
/// The caller's data roles at locations, from customer-service, remembered per (user, location) for
/// <see cref="CacheLifetime"/>: a burst of requests costs one call, and a role withdrawn takes effect within that time.
/// Failures are not remembered.
/// </summary>
public sealed class CallerLocationRoles(CustomerServiceClient customerService, IMemoryCache cache)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlySet<string>> AtLocationAsync(string userId, Guid locationId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(userId, locationId), out IReadOnlySet<string>? cached) && cached is not null)
        {
            return cached;
        }

        var roles = await customerService.GetRolesAtLocationAsync(locationId, cancellationToken);
        Remember(userId, locationId, roles);
        return roles;
    }

    /// <summary>
    /// The caller's roles at every location where they hold one (one call to customer-service, always made: a list is
    /// where a person looks first after being given a role). Locations not in the result: no role.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlySet<string>>> AtAllLocationsAsync(string userId, CancellationToken cancellationToken)
    {
        var rolesByLocation = await customerService.GetMyLocationRolesAsync(cancellationToken);
        foreach (var (locationId, roles) in rolesByLocation)
        {
            Remember(userId, locationId, roles);
        }
        return rolesByLocation;
    }

    private void Remember(string userId, Guid locationId, IReadOnlySet<string> roles)
        => cache.Set(Key(userId, locationId), roles, CacheLifetime);

    private static (string, string, Guid) Key(string userId, Guid locationId) => ("location-roles", userId, locationId);
}

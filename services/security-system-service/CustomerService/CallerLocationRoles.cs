namespace RealGuard.SecuritySystemService.CustomerService;

/// <summary>
/// The caller's data roles at locations, from customer-service, remembered per user in <see cref="LocationRolesCache"/>:
/// at one location for <see cref="CacheLifetime"/>, the list of every location for <see cref="ListCacheLifetime"/>.
/// A role withdrawn therefore takes effect on single systems and actions within <see cref="CacheLifetime"/>, in the list
/// within <see cref="ListCacheLifetime"/>; a role granted shows in the list within <see cref="ListCacheLifetime"/>.
/// Failures are not remembered.
/// </summary>
public sealed class CallerLocationRoles(CustomerServiceClient customerService, LocationRolesCache cache)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Short: a list is where a person looks first after being given a role. Long enough that a list polled or reloaded
    /// by the same person costs one call to customer-service per period instead of one per request.
    /// </summary>
    public static readonly TimeSpan ListCacheLifetime = TimeSpan.FromSeconds(5);

    public Task<IReadOnlySet<string>> AtLocationAsync(string userId, Guid locationId, CancellationToken cancellationToken)
        => cache.GetOrAddAsync(Key(userId, locationId), CacheLifetime,
            // Shared by concurrent requests of the same user: not cancelled by any one of them.
            () => customerService.GetRolesAtLocationAsync(locationId, CancellationToken.None), cancellationToken);

    /// <summary>The caller's roles at every location where they hold one. Locations not in the result: no role.</summary>
    public Task<IReadOnlyDictionary<Guid, IReadOnlySet<string>>> AtAllLocationsAsync(string userId, CancellationToken cancellationToken)
        => cache.GetOrAddAsync(ListKey(userId), ListCacheLifetime, async () =>
        {
            var rolesByLocation = await customerService.GetMyLocationRolesAsync(CancellationToken.None);
            foreach (var (locationId, roles) in rolesByLocation)
            {
                cache.Set(Key(userId, locationId), roles, CacheLifetime);
            }
            return rolesByLocation;
        }, cancellationToken);

    private static (string, string, Guid) Key(string userId, Guid locationId) => ("location-roles", userId, locationId);

    private static (string, string) ListKey(string userId) => ("all-location-roles", userId);
}

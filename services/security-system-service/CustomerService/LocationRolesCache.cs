using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace RealGuard.SecuritySystemService.CustomerService;

/// <summary>
/// What customer-service said about callers' roles, remembered for a given time measured by <see cref="TimeProvider"/>,
/// and bounded: at most <c>maxEntries</c> entries, the oldest compacted away first. One per process (a singleton), so
/// every request of the same user shares it. Concurrent misses of one key share one call (<see cref="GetOrAddAsync"/>):
/// when an entry expires under load, customer-service is asked once, not once per waiting request.
/// </summary>
public sealed class LocationRolesCache(TimeProvider time, int maxEntries = LocationRolesCache.DefaultMaxEntries) : IDisposable
{
    public const int DefaultMaxEntries = 20_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = maxEntries, CompactionPercentage = 0.25 });
    private readonly ConcurrentDictionary<object, Lazy<Task<object>>> inFlight = new();

    public int Count => cache.Count;

    public bool TryGet<T>(object key, out T value) where T : class
    {
        if (cache.TryGetValue(key, out var found) && found is Entry<T> entry && time.GetUtcNow() < entry.ExpiresAt)
        {
            value = entry.Value;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>
    /// The remembered value, or the one <paramref name="obtain"/> gives, remembered for <paramref name="lifetime"/>. A
    /// failure is not remembered. The shared call runs to its end whichever caller gives up waiting.
    /// </summary>
    public async Task<T> GetOrAddAsync<T>(object key, TimeSpan lifetime, Func<Task<T>> obtain, CancellationToken cancellationToken)
        where T : class
    {
        if (TryGet(key, out T cached))
        {
            return cached;
        }

        // The call starts only once its Lazy is in the map, so that its end always finds itself there to remove.
        Lazy<Task<object>>? call = null;
        call = inFlight.GetOrAdd(key, new Lazy<Task<object>>(() => ObtainAsync(key, call!, lifetime, obtain)));
        return (T)await call.Value.WaitAsync(cancellationToken);
    }

    private async Task<object> ObtainAsync<T>(object key, Lazy<Task<object>> self, TimeSpan lifetime, Func<Task<T>> obtain)
        where T : class
    {
        try
        {
            var value = await obtain();
            Set(key, value, lifetime);
            return value;
        }
        finally
        {
            inFlight.TryRemove(KeyValuePair.Create(key, self));
        }
    }

    public void Set<T>(object key, T value, TimeSpan lifetime) where T : class
        => cache.Set(key, new Entry<T>(value, time.GetUtcNow() + lifetime), new MemoryCacheEntryOptions
        {
            Size = 1,
            // Eviction by the cache's own clock; whether an entry still counts is decided by TryGet's TimeProvider.
            AbsoluteExpirationRelativeToNow = lifetime,
        });

    public void Dispose() => cache.Dispose();

    private sealed record Entry<T>(T Value, DateTimeOffset ExpiresAt);
}

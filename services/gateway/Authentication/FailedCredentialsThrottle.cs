using System.Collections.Concurrent;

namespace RealGuard.Gateway.Authentication;

/// <summary>
/// Guesses at a client's secret are not free: after <see cref="MaxFailures"/> refused attempts for one client id within
/// <see cref="Window"/>, the gateway answers 429 without asking the IAM until the window ends. (The per-client rate limit
/// cannot do this: it is keyed on the token's <c>azp</c>, which a refused attempt never gets.) A client whose token is
/// already cached keeps working, since the cache answers before the throttle is consulted.
/// </summary>
internal sealed class FailedCredentialsThrottle(TimeProvider time, int maxFailures = 10, TimeSpan? window = null)
{
    private readonly ConcurrentDictionary<string, Failures> failures = new(StringComparer.Ordinal);

    public int MaxFailures { get; } = maxFailures;

    public TimeSpan Window { get; } = window ?? TimeSpan.FromMinutes(1);

    /// <summary>How long the client must wait before its credentials are checked again; null when they may be checked now.</summary>
    public TimeSpan? RetryAfter(string clientId)
    {
        if (!failures.TryGetValue(clientId, out var recorded))
        {
            return null;
        }
        var now = time.GetUtcNow();
        if (now >= recorded.WindowStart + Window)
        {
            failures.TryRemove(KeyValuePair.Create(clientId, recorded));
            return null;
        }
        return recorded.Count >= MaxFailures ? recorded.WindowStart + Window - now : null;
    }

    public void RecordFailure(string clientId)
    {
        var now = time.GetUtcNow();
        failures.AddOrUpdate(clientId,
            _ => new Failures(now, 1),
            (_, recorded) => now >= recorded.WindowStart + Window ? new Failures(now, 1) : recorded with { Count = recorded.Count + 1 });
    }

    private sealed record Failures(DateTimeOffset WindowStart, int Count);
}

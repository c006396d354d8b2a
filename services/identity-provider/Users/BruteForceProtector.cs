using System.Collections.Concurrent;
using RealGuard.IdentityProvider.Realms;

namespace RealGuard.IdentityProvider.Users;

/// <summary>
/// Keycloak's brute-force detection (<c>DefaultBruteForceProtector</c>, strategy "multiple"): failed logins per user;
/// every <c>failureFactor</c> failures lock the user for <c>waitIncrementSeconds</c> × (failures / factor), capped at
/// <c>maxFailureWaitSeconds</c>; two failures closer than <c>quickLoginCheckMilliSeconds</c> lock for
/// <c>minimumQuickLoginWaitSeconds</c>; the count starts again after <c>maxDeltaTimeSeconds</c> without a failure;
/// <c>permanentLockout</c> locks until an administrator clears it. Kept in memory, as Keycloak keeps login failures
/// in a cache, not in its database.
/// </summary>
public sealed class BruteForceProtector(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Realm, string UserId), LoginFailures> failures = new();

    public bool IsLockedOut(Realm realm, string userId)
    {
        if (!realm.BruteForce.Enabled || !failures.TryGetValue((realm.Name, userId), out var entry))
        {
            return false;
        }
        lock (entry)
        {
            return entry.PermanentlyLocked || time.GetUtcNow() < entry.NotBefore;
        }
    }

    public void RecordFailure(Realm realm, string userId, string? remoteAddress)
    {
        var settings = realm.BruteForce;
        if (!settings.Enabled)
        {
            return;
        }
        var entry = failures.GetOrAdd((realm.Name, userId), _ => new LoginFailures());
        lock (entry)
        {
            var now = time.GetUtcNow();
            var sinceLast = entry.LastFailure is { } last ? now - last : (TimeSpan?)null;
            entry.LastFailure = now;
            entry.LastIpFailure = remoteAddress;
            if (sinceLast > settings.MaxDeltaTime)
            {
                entry.Clear();
            }
            entry.NumFailures++;

            if (settings.PermanentLockout && settings.MaxTemporaryLockouts == 0)
            {
                entry.PermanentlyLocked |= entry.NumFailures >= settings.FailureFactor;
                return;
            }

            var wait = settings.WaitIncrement * (entry.NumFailures / settings.FailureFactor);
            var quick = false;
            if (wait == TimeSpan.Zero && sinceLast < settings.QuickLoginCheck)
            {
                wait = settings.MinimumQuickLoginWait;
                quick = true;
            }
            if (wait > TimeSpan.Zero)
            {
                if (!quick && entry.NumFailures % settings.FailureFactor == 0)
                {
                    entry.NumTemporaryLockouts++;
                }
                entry.NotBefore = now + (wait < settings.MaxFailureWait ? wait : settings.MaxFailureWait);
            }
            if (settings.PermanentLockout && entry.NumTemporaryLockouts > settings.MaxTemporaryLockouts)
            {
                entry.PermanentlyLocked = true;
            }
        }
    }

    /// <summary>A successful login forgets the user's failures.</summary>
    public void RecordSuccess(Realm realm, string userId) => failures.TryRemove((realm.Name, userId), out _);

    /// <summary>What the admin API's attack-detection endpoint shows for a user.</summary>
    public BruteForceStatus Status(Realm realm, string userId)
    {
        if (!failures.TryGetValue((realm.Name, userId), out var entry))
        {
            return new BruteForceStatus(0, false, null, 0);
        }
        lock (entry)
        {
            return new BruteForceStatus(entry.NumFailures, IsLockedOut(realm, userId), entry.LastIpFailure,
                entry.LastFailure?.ToUnixTimeMilliseconds() ?? 0);
        }
    }

    public void Clear(Realm realm, string userId) => failures.TryRemove((realm.Name, userId), out _);

    public void ClearAll(Realm realm)
    {
        foreach (var key in failures.Keys.Where(k => k.Realm == realm.Name))
        {
            failures.TryRemove(key, out _);
        }
    }

    private sealed class LoginFailures
    {
        public int NumFailures { get; set; }
        public int NumTemporaryLockouts { get; set; }
        public DateTimeOffset? LastFailure { get; set; }
        public string? LastIpFailure { get; set; }
        public DateTimeOffset NotBefore { get; set; }
        public bool PermanentlyLocked { get; set; }

        public void Clear()
        {
            NumFailures = 0;
            NumTemporaryLockouts = 0;
        }
    }
}

/// <summary>Keycloak's brute-force status of a user: <c>numFailures</c>, <c>disabled</c>, <c>lastIPFailure</c>, <c>lastFailure</c> (ms).</summary>
public sealed record BruteForceStatus(int NumFailures, bool Disabled, string? LastIPFailure, long LastFailure);

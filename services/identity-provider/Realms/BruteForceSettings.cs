namespace RealGuard.IdentityProvider.Realms;

/// <summary>A realm's brute-force detection settings, with Keycloak's defaults for what the export leaves out.</summary>
public sealed record BruteForceSettings(
    bool Enabled,
    bool PermanentLockout,
    int MaxTemporaryLockouts,
    int FailureFactor,
    TimeSpan WaitIncrement,
    TimeSpan QuickLoginCheck,
    TimeSpan MinimumQuickLoginWait,
    TimeSpan MaxFailureWait,
    TimeSpan MaxDeltaTime)
{
    public static BruteForceSettings From(RealmRepresentation realm) => new(
        realm.BruteForceProtected ?? false,
        realm.PermanentLockout ?? false,
        Math.Max(realm.MaxTemporaryLockouts ?? 0, 0),
        Math.Max(realm.FailureFactor ?? 30, 1),
        TimeSpan.FromSeconds(realm.WaitIncrementSeconds ?? 60),
        TimeSpan.FromMilliseconds(realm.QuickLoginCheckMilliSeconds ?? 1000),
        TimeSpan.FromSeconds(realm.MinimumQuickLoginWaitSeconds ?? 60),
        TimeSpan.FromSeconds(realm.MaxFailureWaitSeconds ?? 900),
        TimeSpan.FromSeconds(realm.MaxDeltaTimeSeconds ?? 43200));
}

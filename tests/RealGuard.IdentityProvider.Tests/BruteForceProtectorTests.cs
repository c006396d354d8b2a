using Microsoft.Extensions.Time.Testing;
using RealGuard.IdentityProvider.Realms;
using RealGuard.IdentityProvider.Users;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>The arithmetic of Keycloak's brute-force detection, on a fake clock.</summary>
public sealed class BruteForceProtectorTests
{
    private const string User = "user-1";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    private static Realm RealmWith(Action<RealmRepresentation>? adjust = null)
    {
        var representation = new RealmRepresentation
        {
            Realm = "test",
            BruteForceProtected = true,
            FailureFactor = 3,
            WaitIncrementSeconds = 60,
            QuickLoginCheckMilliSeconds = 1000,
            MinimumQuickLoginWaitSeconds = 30,
            MaxFailureWaitSeconds = 150,
            MaxDeltaTimeSeconds = 3600,
        };
        adjust?.Invoke(representation);
        return new Realm(representation);
    }

    /// <summary>One failure every <paramref name="spacing"/>; returns whether the user is locked afterwards.</summary>
    private bool Fail(BruteForceProtector protector, Realm realm, int times, TimeSpan spacing)
    {
        for (var i = 0; i < times; i++)
        {
            clock.Advance(spacing);
            protector.RecordFailure(realm, User, "192.0.2.1");
        }
        return protector.IsLockedOut(realm, User);
    }

    [Fact]
    public void Failures_below_the_failure_factor_do_not_lock()
    {
        var realm = RealmWith();
        var protector = new BruteForceProtector(clock);

        Assert.False(Fail(protector, realm, 2, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Reaching_the_failure_factor_locks_for_the_wait_increment()
    {
        var realm = RealmWith();
        var protector = new BruteForceProtector(clock);

        Assert.True(Fail(protector, realm, 3, TimeSpan.FromSeconds(5)));

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.True(protector.IsLockedOut(realm, User));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(protector.IsLockedOut(realm, User));
    }

    [Fact]
    public void The_wait_grows_with_each_multiple_of_the_factor_up_to_the_maximum_wait()
    {
        var realm = RealmWith();
        var protector = new BruteForceProtector(clock);
        Fail(protector, realm, 5, TimeSpan.FromSeconds(5));

        // The sixth failure: 6 / 3 = 2 increments, 120 s.
        Assert.True(Fail(protector, realm, 1, TimeSpan.FromSeconds(60)));
        clock.Advance(TimeSpan.FromSeconds(119));
        Assert.True(protector.IsLockedOut(realm, User));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(protector.IsLockedOut(realm, User));

        // The ninth: 3 increments, 180 s, capped at maxFailureWaitSeconds 150 s.
        Fail(protector, realm, 2, TimeSpan.FromSeconds(5));
        Assert.True(Fail(protector, realm, 1, TimeSpan.FromSeconds(5)));
        clock.Advance(TimeSpan.FromSeconds(149));
        Assert.True(protector.IsLockedOut(realm, User));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(protector.IsLockedOut(realm, User));
    }

    [Fact]
    public void Two_failures_within_the_quick_login_check_lock_for_the_minimum_quick_login_wait()
    {
        var realm = RealmWith();
        var protector = new BruteForceProtector(clock);

        Assert.True(Fail(protector, realm, 2, TimeSpan.FromMilliseconds(500)));
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.True(protector.IsLockedOut(realm, User));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(protector.IsLockedOut(realm, User));
    }

    [Fact]
    public void Failures_further_apart_than_the_quick_login_check_do_not_count_as_quick()
    {
        var realm = RealmWith();
        var protector = new BruteForceProtector(clock);

        Assert.False(Fail(protector, realm, 2, TimeSpan.FromMilliseconds(1001)));
    }

    [Fact]
    public void The_count_starts_again_after_max_delta_time_without_a_failure()
    {
        var realm = RealmWith();
        var protector = new BruteForceProtector(clock);
        Fail(protector, realm, 2, TimeSpan.FromSeconds(5));

        Assert.False(Fail(protector, realm, 1, TimeSpan.FromSeconds(3601)));
        Assert.Equal(1, protector.Status(realm, User).NumFailures);
    }

    [Fact]
    public void A_successful_login_forgets_the_failures()
    {
        var realm = RealmWith();
        var protector = new BruteForceProtector(clock);
        Fail(protector, realm, 2, TimeSpan.FromSeconds(5));

        protector.RecordSuccess(realm, User);

        Assert.False(Fail(protector, realm, 2, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Permanent_lockout_locks_at_the_failure_factor_until_cleared()
    {
        var realm = RealmWith(r => r.PermanentLockout = true);
        var protector = new BruteForceProtector(clock);

        Assert.True(Fail(protector, realm, 3, TimeSpan.FromSeconds(5)));
        clock.Advance(TimeSpan.FromDays(30));
        Assert.True(protector.IsLockedOut(realm, User));
        Assert.True(protector.Status(realm, User).Disabled);

        protector.Clear(realm, User);
        Assert.False(protector.IsLockedOut(realm, User));
    }

    [Fact]
    public void Permanent_lockout_after_max_temporary_lockouts()
    {
        var realm = RealmWith(r => (r.PermanentLockout, r.MaxTemporaryLockouts) = (true, 1));
        var protector = new BruteForceProtector(clock);

        Assert.True(Fail(protector, realm, 3, TimeSpan.FromSeconds(5)));
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.False(protector.IsLockedOut(realm, User), "The first lockout is temporary");

        Assert.True(Fail(protector, realm, 3, TimeSpan.FromSeconds(5)));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(protector.IsLockedOut(realm, User), "The second lockout is permanent");
    }

    [Fact]
    public void Nothing_is_counted_when_the_realm_has_brute_force_protection_off()
    {
        var realm = RealmWith(r => r.BruteForceProtected = false);
        var protector = new BruteForceProtector(clock);

        Assert.False(Fail(protector, realm, 10, TimeSpan.FromMilliseconds(1)));
    }
}

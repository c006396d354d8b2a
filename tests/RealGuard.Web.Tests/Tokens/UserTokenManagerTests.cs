using Microsoft.Extensions.Logging.Abstractions;
using RealGuard.Web.Authentication;
using RealGuard.Web.Sessions;
using RealGuard.Web.Tests.Infrastructure;
using RealGuard.Web.Tokens;
using static RealGuard.Web.Tests.Infrastructure.TestSessions;
using Microsoft.Extensions.Time.Testing;

namespace RealGuard.Web.Tests.Tokens;

public sealed class UserTokenManagerTests
{
    private static readonly TimeSpan TwoMinutes = TimeSpan.FromSeconds(120);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryUserSessionStore store = new();
    private readonly FakeTokenEndpoint endpoint = new();
    private readonly UserTokenManager manager;

    public UserTokenManagerTests() => manager = new UserTokenManager(store, endpoint, time, NullLogger<UserTokenManager>.Instance);

    [Fact]
    public async Task A_fresh_access_token_is_used_as_it_is()
    {
        await store.SaveAsync(NewSession("s1", NewTokens(time.GetUtcNow(), TwoMinutes)));
        time.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal("access-1", await manager.GetAccessTokenAsync("s1"));
        Assert.Equal(0, endpoint.Refreshes);
    }

    [Theory]
    [InlineData(120, 95, false)] // 25 s left: a 120 s token is refreshed 24 s before it expires
    [InlineData(120, 97, true)]
    [InlineData(600, 565, false)] // long tokens: at most 30 s before expiry
    [InlineData(600, 571, true)]
    [InlineData(5, 3.9, false)] // a realm with five-second tokens: one refresh per four seconds, not one per call
    [InlineData(5, 4.1, true)]
    public async Task The_token_is_refreshed_shortly_before_it_expires(int lifetimeSeconds, double elapsedSeconds, bool refreshed)
    {
        await store.SaveAsync(NewSession("s1", NewTokens(time.GetUtcNow(), TimeSpan.FromSeconds(lifetimeSeconds))));
        time.Advance(TimeSpan.FromSeconds(elapsedSeconds));

        var token = await manager.GetAccessTokenAsync("s1");

        Assert.Equal(refreshed ? "access-2" : "access-1", token);
        Assert.Equal(refreshed ? 1 : 0, endpoint.Refreshes);
    }

    [Fact]
    public async Task Many_callers_of_one_session_at_the_same_moment_cause_one_refresh()
    {
        await store.SaveAsync(NewSession("s1", NewTokens(time.GetUtcNow(), TwoMinutes)));
        time.Advance(TimeSpan.FromSeconds(110));
        var answer = new TaskCompletionSource<RefreshResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        endpoint.Answer = _ => answer.Task;

        var callers = Enumerable.Range(0, 25).Select(_ => Task.Run(() => manager.GetAccessTokenAsync("s1"))).ToList();
        await Task.Delay(100);
        answer.SetResult(RefreshResult.Refreshed(new TokenEndpointResponse("access-2", "refresh-2", null, 120, null)));
        var tokens = await Task.WhenAll(callers);

        Assert.All(tokens, token => Assert.Equal("access-2", token));
        Assert.Equal(1, endpoint.Refreshes);
        Assert.Equal("access-2", await manager.GetAccessTokenAsync("s1"));
        Assert.Equal(1, endpoint.Refreshes);
    }

    [Fact]
    public async Task Each_session_refreshes_its_own_token()
    {
        await store.SaveAsync(NewSession("s1", NewTokens(time.GetUtcNow(), TwoMinutes, "a1", "r1")));
        await store.SaveAsync(NewSession("s2", NewTokens(time.GetUtcNow(), TwoMinutes, "a2", "r2")));
        time.Advance(TimeSpan.FromSeconds(110));

        await Task.WhenAll(manager.GetAccessTokenAsync("s1"), manager.GetAccessTokenAsync("s2"));

        Assert.Equal(["r1", "r2"], endpoint.RefreshTokensUsed.Order());
    }

    [Fact]
    public async Task A_rotated_refresh_token_is_used_for_the_next_refresh()
    {
        await store.SaveAsync(NewSession("s1", NewTokens(time.GetUtcNow(), TwoMinutes)));
        time.Advance(TimeSpan.FromSeconds(110));
        await manager.GetAccessTokenAsync("s1");
        time.Advance(TimeSpan.FromSeconds(110));

        Assert.Equal("access-3", await manager.GetAccessTokenAsync("s1"));
        Assert.Equal(["refresh-1", "refresh-2"], endpoint.RefreshTokensUsed);
        var session = await store.GetAsync("s1");
        Assert.Equal(time.GetUtcNow().AddSeconds(1800), session!.Tokens.RefreshTokenExpiresAt);
    }

    [Fact]
    public async Task A_refresh_the_identity_provider_refuses_ends_the_session_once()
    {
        await store.SaveAsync(NewSession("s1", NewTokens(time.GetUtcNow(), TwoMinutes)));
        time.Advance(TimeSpan.FromSeconds(110));
        endpoint.Answer = _ => Task.FromResult(RefreshResult.Refused("invalid_grant"));

        await Assert.ThrowsAsync<UserSessionEndedException>(() => manager.GetAccessTokenAsync("s1"));
        await Assert.ThrowsAsync<UserSessionEndedException>(() => manager.GetAccessTokenAsync("s1"));

        Assert.Null(await store.GetAsync("s1"));
        Assert.Equal(1, endpoint.Refreshes); // no retry loop against the IAM
    }

    [Fact]
    public async Task A_refusal_after_another_replica_rotated_the_refresh_token_keeps_the_session()
    {
        await store.SaveAsync(NewSession("s1", NewTokens(time.GetUtcNow(), TwoMinutes)));
        time.Advance(TimeSpan.FromSeconds(110));
        var fromOtherReplica = NewTokens(time.GetUtcNow(), TwoMinutes, "access-other", "refresh-other");
        endpoint.Answer = async _ =>
        {
            // The other replica refreshed first: refresh-1 is spent, and the IAM refuses it (rotation, maxReuse 0).
            await store.UpdateAsync("s1", s => s with { Tokens = fromOtherReplica });
            return RefreshResult.Refused("invalid_grant");
        };

        Assert.Equal("access-other", await manager.GetAccessTokenAsync("s1"));
        Assert.NotNull(await store.GetAsync("s1"));
    }

    [Fact]
    public async Task While_the_identity_provider_is_unreachable_a_token_that_has_not_expired_is_still_used()
    {
        await store.SaveAsync(NewSession("s1", NewTokens(time.GetUtcNow(), TwoMinutes)));
        time.Advance(TimeSpan.FromSeconds(110));
        endpoint.Answer = _ => Task.FromResult(RefreshResult.Unavailable("connection refused"));

        Assert.Equal("access-1", await manager.GetAccessTokenAsync("s1"));
        Assert.NotNull(await store.GetAsync("s1"));
    }

    [Fact]
    public async Task Once_the_token_has_expired_an_unreachable_identity_provider_is_reported_and_the_session_kept()
    {
        await store.SaveAsync(NewSession("s1", NewTokens(time.GetUtcNow(), TwoMinutes)));
        time.Advance(TimeSpan.FromSeconds(121));
        endpoint.Answer = _ => Task.FromResult(RefreshResult.Unavailable("connection refused"));

        await Assert.ThrowsAsync<IdentityProviderUnavailableException>(() => manager.GetAccessTokenAsync("s1"));

        Assert.NotNull(await store.GetAsync("s1"));
        endpoint.Answer = _ => Task.FromResult(RefreshResult.Refreshed(new TokenEndpointResponse("access-back", null, null, 120, null)));
        Assert.Equal("access-back", await manager.GetAccessTokenAsync("s1"));
        Assert.Equal("refresh-1", (await store.GetAsync("s1"))!.Tokens.RefreshToken); // not rotated: the old one stays
    }

    [Fact]
    public async Task A_session_that_does_not_exist_has_no_token()
    {
        await Assert.ThrowsAsync<UserSessionEndedException>(() => manager.GetAccessTokenAsync("unknown"));
        Assert.Equal(0, endpoint.Refreshes);
    }
}

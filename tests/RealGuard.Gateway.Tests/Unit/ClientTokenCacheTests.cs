using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using RealGuard.Gateway.Authentication;
using RealGuard.Gateway.Tests.Infrastructure;
using RealGuard.Testing;
using Microsoft.Extensions.Time.Testing;

namespace RealGuard.Gateway.Tests.Unit;

public sealed class ClientTokenCacheTests
{
    private static readonly BasicCredentials Acme = new("acme-integration", "acme-secret");
    private static readonly BasicCredentials Device = new("realguard-device", "device-secret");

    private readonly FakeTokenEndpoint iam = new(("acme-integration", "acme-secret"), ("realguard-device", "device-secret"));
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly ClientTokenCache cache;

    public ClientTokenCacheTests() =>
        cache = new ClientTokenCache(iam, new ClientTokenCacheOptions(FakeTokenEndpoint.Address), clock, NullLogger<ClientTokenCache>.Instance);

    [Fact]
    public async Task The_IAM_is_asked_once_per_client_and_the_token_reused_for_later_requests()
    {
        var first = Assert.IsType<ClientTokenResult.Issued>(await cache.GetTokenAsync(Acme));
        clock.Advance(TimeSpan.FromSeconds(60));
        var later = Assert.IsType<ClientTokenResult.Issued>(await cache.GetTokenAsync(Acme));

        Assert.Equal(first.AccessToken, later.AccessToken);
        Assert.Equal(["acme-integration"], iam.Requests);
    }

    [Fact]
    public async Task Concurrent_requests_of_a_client_wait_for_one_token_request()
    {
        iam.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = Enumerable.Range(0, 20).Select(_ => cache.GetTokenAsync(Acme)).ToList();
        await Task.Delay(50);
        iam.Hold.SetResult();

        var results = await Task.WhenAll(waiting);

        Assert.Single(results.Select(result => Assert.IsType<ClientTokenResult.Issued>(result).AccessToken).Distinct());
        Assert.Equal(["acme-integration"], iam.Requests);
    }

    [Fact]
    public async Task A_token_is_renewed_shortly_before_it_expires_not_after()
    {
        var first = Assert.IsType<ClientTokenResult.Issued>(await cache.GetTokenAsync(Acme));

        clock.Advance(TimeSpan.FromSeconds(89)); // 120 s token, renewed 30 s before expiry
        Assert.Equal(first.AccessToken, Assert.IsType<ClientTokenResult.Issued>(await cache.GetTokenAsync(Acme)).AccessToken);

        clock.Advance(TimeSpan.FromSeconds(2));
        var renewed = Assert.IsType<ClientTokenResult.Issued>(await cache.GetTokenAsync(Acme));

        Assert.NotEqual(first.AccessToken, renewed.AccessToken);
        Assert.Equal(2, iam.Requests.Count);
    }

    [Fact]
    public async Task A_short_lived_token_is_renewed_within_the_last_quarter_of_its_life()
    {
        iam.ExpiresIn = 8;
        var first = Assert.IsType<ClientTokenResult.Issued>(await cache.GetTokenAsync(Acme));

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(first.AccessToken, Assert.IsType<ClientTokenResult.Issued>(await cache.GetTokenAsync(Acme)).AccessToken);
        clock.Advance(TimeSpan.FromSeconds(1.5));

        Assert.NotEqual(first.AccessToken, Assert.IsType<ClientTokenResult.Issued>(await cache.GetTokenAsync(Acme)).AccessToken);
    }

    [Fact]
    public async Task Each_client_has_its_own_token()
    {
        var acme = Assert.IsType<ClientTokenResult.Issued>(await cache.GetTokenAsync(Acme));
        var device = Assert.IsType<ClientTokenResult.Issued>(await cache.GetTokenAsync(Device));

        Assert.Contains("acme-integration", acme.AccessToken);
        Assert.Contains("realguard-device", device.AccessToken);
        Assert.Equal(["acme-integration", "realguard-device"], iam.Requests);
    }

    [Fact]
    public async Task A_wrong_secret_never_gets_the_cached_token_of_the_right_one()
    {
        await cache.GetTokenAsync(Acme);

        var result = await cache.GetTokenAsync(Acme with { ClientSecret = "guessed" });

        Assert.Equal("invalid_client", Assert.IsType<ClientTokenResult.Rejected>(result).Error);
        Assert.Equal(2, iam.Requests.Count);
    }

    [Fact]
    public async Task A_refusal_is_not_cached_so_fixed_credentials_work_at_once()
    {
        iam.FailWith = null;
        Assert.IsType<ClientTokenResult.Rejected>(await cache.GetTokenAsync(new BasicCredentials("new-client", "secret")));
        Assert.IsType<ClientTokenResult.Rejected>(await cache.GetTokenAsync(new BasicCredentials("new-client", "secret")));

        Assert.Equal(2, iam.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    public async Task An_IAM_failure_is_told_apart_from_wrong_credentials_and_not_cached(HttpStatusCode failure)
    {
        iam.FailWith = failure;
        Assert.IsType<ClientTokenResult.Unavailable>(await cache.GetTokenAsync(Acme));

        iam.FailWith = null;
        Assert.IsType<ClientTokenResult.Issued>(await cache.GetTokenAsync(Acme));
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_token_request_others_wait_for()
    {
        iam.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var impatient = new CancellationTokenSource();
        var first = cache.GetTokenAsync(Acme, impatient.Token);
        var second = cache.GetTokenAsync(Acme);
        await impatient.CancelAsync();
        iam.Hold.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.IsType<ClientTokenResult.Issued>(await second);
        Assert.Single(iam.Requests);
    }

    [Fact]
    public async Task Repeated_wrong_secrets_are_refused_without_asking_the_IAM_until_the_window_ends_while_a_cached_client_keeps_working()
    {
        var throttled = new ClientTokenCache(iam, new ClientTokenCacheOptions(FakeTokenEndpoint.Address), clock,
            NullLogger<ClientTokenCache>.Instance, new FailedCredentialsThrottle(clock, maxFailures: 3, window: TimeSpan.FromMinutes(1)));
        Assert.IsType<ClientTokenResult.Issued>(await throttled.GetTokenAsync(Acme));
        var guess = new BasicCredentials("acme-integration", "guess");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.IsType<ClientTokenResult.Rejected>(await throttled.GetTokenAsync(guess));
        }
        var refused = Assert.IsType<ClientTokenResult.Throttled>(await throttled.GetTokenAsync(guess));

        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(4, iam.Requests.Count); // the one good token, three guesses, and nothing for the throttled fourth
        Assert.IsType<ClientTokenResult.Issued>(await throttled.GetTokenAsync(Acme)); // cached: unaffected
        Assert.IsType<ClientTokenResult.Issued>(await throttled.GetTokenAsync(Device)); // other clients: unaffected

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.IsType<ClientTokenResult.Rejected>(await throttled.GetTokenAsync(guess)); // asked again after the window
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using RealGuard.Web.Sessions;
using RealGuard.Web.Tests.Infrastructure;
using RealGuard.Web.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace RealGuard.Web.Tests.Sessions;

public sealed class ServerSideTicketStoreTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryUserSessionStore sessions = new();
    private readonly ServerSideTicketStore store;

    public ServerSideTicketStoreTests() => store = new ServerSideTicketStore(sessions, time);

    [Fact]
    public async Task The_cookie_gets_the_session_key_and_the_tokens_stay_on_the_server()
    {
        var ticket = SignedInTicket("key-1");

        var key = await store.StoreAsync(ticket);

        Assert.Equal("key-1", key);
        var session = await sessions.GetAsync(key);
        Assert.NotNull(session);
        Assert.Equal("access", session.Tokens.AccessToken);
        Assert.Equal("refresh", session.Tokens.RefreshToken);
        Assert.Equal("id", session.Tokens.IdentityToken);
        Assert.Equal(TimeSpan.FromSeconds(120), session.Tokens.AccessTokenLifetime);
        Assert.Equal("iam-session-1", session.IdentityProviderSessionId);
        Assert.Equal("bob-sub", session.SubjectId);

        var retrieved = await store.RetrieveAsync(key);
        Assert.NotNull(retrieved);
        Assert.Empty(retrieved.Properties.GetTokens()); // what the cookie handler sees (and HttpContext.GetTokenAsync) has no tokens
        Assert.Equal("bob", retrieved.Principal.Identity!.Name);
    }

    [Fact]
    public async Task Renewing_the_cookie_keeps_tokens_refreshed_in_the_meantime()
    {
        var key = await store.StoreAsync(SignedInTicket("key-1"));
        var readAtRequestStart = await store.RetrieveAsync(key);
        await sessions.UpdateAsync(key, session => session with { Tokens = session.Tokens with { AccessToken = "refreshed", RefreshToken = "rotated" } });

        readAtRequestStart!.Properties.ExpiresUtc = time.GetUtcNow().AddHours(11);
        await store.RenewAsync(key, readAtRequestStart);

        var session = await sessions.GetAsync(key);
        Assert.Equal("refreshed", session!.Tokens.AccessToken);
        Assert.Equal("rotated", session.Tokens.RefreshToken);
        Assert.Equal(time.GetUtcNow().AddHours(11), session.ExpiresAt);
    }

    [Fact]
    public async Task An_expired_session_is_not_retrieved_and_is_dropped()
    {
        var key = await store.StoreAsync(SignedInTicket("key-1"));
        time.Advance(TimeSpan.FromHours(10) + TimeSpan.FromSeconds(1));

        Assert.Null(await store.RetrieveAsync(key));
        Assert.Null(await sessions.GetAsync(key));
    }

    [Fact]
    public async Task Signing_out_removes_the_session()
    {
        var key = await store.StoreAsync(SignedInTicket("key-1"));

        await store.RemoveAsync(key);

        Assert.Null(await store.RetrieveAsync(key));
    }

    [Fact]
    public async Task Back_channel_logout_ends_the_sessions_of_one_identity_provider_session_or_of_the_user()
    {
        var now = time.GetUtcNow();
        var tokens = TestSessions.NewTokens(now, TimeSpan.FromMinutes(2));
        await sessions.SaveAsync(TestSessions.NewSession("a", tokens, "bob-sub", "sid-1"));
        await sessions.SaveAsync(TestSessions.NewSession("b", tokens, "bob-sub", "sid-2"));
        await sessions.SaveAsync(TestSessions.NewSession("c", tokens, "carol-sub", "sid-3"));

        Assert.Equal(["a"], await sessions.RemoveMatchingAsync("bob-sub", "sid-1"));
        Assert.Empty(await sessions.RemoveMatchingAsync("carol-sub", "sid-2")); // a sid of another user ends nothing
        Assert.Equal(["b"], await sessions.RemoveMatchingAsync("bob-sub", null));
        Assert.Empty(await sessions.RemoveMatchingAsync(null, null));
        Assert.NotNull(await sessions.GetAsync("c"));
    }

    private AuthenticationTicket SignedInTicket(string key)
    {
        var ticket = TestSessions.Ticket(key);
        ticket.Properties.ExpiresUtc = time.GetUtcNow().AddHours(10);
        ticket.Properties.StoreTokens(
        [
            new AuthenticationToken { Name = "access_token", Value = "access" },
            new AuthenticationToken { Name = "refresh_token", Value = "refresh" },
            new AuthenticationToken { Name = "id_token", Value = "id" },
            new AuthenticationToken { Name = "expires_at", Value = time.GetUtcNow().AddSeconds(120).ToString("o", CultureInfo.InvariantCulture) },
        ]);
        return ticket;
    }
}

using System.Net;
using RealGuard.SecuritySystemService.Tests.Infrastructure;
using RealGuard.Testing;
using static RealGuard.SecuritySystemService.Tests.Infrastructure.DemoData;

namespace RealGuard.SecuritySystemService.Tests.Api;

/// <summary>Arming and disarming by location role, the audit trail, invalid transitions and lost updates.</summary>
[Collection(SecuritySystemStack.Collection)]
public sealed class ActionTests(SecuritySystemStack stack) : IAsyncLifetime
{
    public async Task InitializeAsync() => await stack.DisarmAsync(AcmeHqSystem);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Bob_arms_acme_hq_and_the_audit_says_so()
    {
        var before = await stack.GetAsync("bob", AcmeHqSystem);

        using var response = await stack.PutActionAsync("bob", AcmeHqSystem, "ARM");
        var armed = await SecuritySystemStack.ReadAsync<SecuritySystemView>(response);

        Assert.Equal("ARMED", armed.State);
        Assert.Empty(armed.Actions); // bob cannot disarm
        Assert.Equal(before.Version + 1, armed.Version);
        Assert.Equal($"\"{armed.Version}\"", response.Headers.ETag?.ToString());
        Assert.Equal(["DISARM"], (await stack.GetAsync("carol", AcmeHqSystem)).Actions);

        var entry = (await stack.AuditAsync("dave", AcmeHqSystem))[^1];
        Assert.Equal((BobUserId, "bob", "ARM", "DISARMED", "ARMED"), (entry.UserId, entry.UserName, entry.Action, entry.From, entry.To));
        Assert.True(DateTimeOffset.UtcNow - entry.At < TimeSpan.FromMinutes(1), $"audit time {entry.At:O}");
    }

    [Fact]
    public async Task Carol_the_disarmer_disarms_what_bob_armed()
    {
        using (var arm = await stack.PutActionAsync("bob", AcmeHqSystem, "ARM"))
        {
            await SecuritySystemStack.ReadAsync<SecuritySystemView>(arm);
        }

        using var response = await stack.PutActionAsync("carol", AcmeHqSystem, "DISARM");
        var disarmed = await SecuritySystemStack.ReadAsync<SecuritySystemView>(response);

        Assert.Equal("DISARMED", disarmed.State);
        var audit = await stack.AuditAsync("carol", AcmeHqSystem);
        Assert.Equal(("bob", "ARM"), (audit[^2].UserName, audit[^2].Action));
        Assert.Equal((CarolUserId, "carol", "DISARM", "ARMED", "DISARMED"),
            (audit[^1].UserId, audit[^1].UserName, audit[^1].Action, audit[^1].From, audit[^1].To));
    }

    [Fact]
    public async Task Dave_may_view_but_not_arm_and_nothing_changes()
    {
        var before = await stack.GetAsync("dave", AcmeHqSystem);

        using var response = await stack.PutActionAsync("dave", AcmeHqSystem, "ARM");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("SECURITY_SYSTEM_ARMER", problem.GetProperty("detail").GetString());
        var after = await stack.GetAsync("dave", AcmeHqSystem);
        Assert.Equal((before.State, before.Version), (after.State, after.Version));
    }

    [Fact]
    public async Task Bob_may_never_disarm()
    {
        using var response = await stack.PutActionAsync("bob", AcmeHqSystem, "DISARM");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Arming_an_armed_system_is_a_conflict_that_says_what_the_state_allows()
    {
        using (var arm = await stack.PutActionAsync("bob", AcmeHqSystem, "ARM"))
        {
            await SecuritySystemStack.ReadAsync<SecuritySystemView>(arm);
        }

        using var again = await stack.PutActionAsync("bob", AcmeHqSystem, "ARM");

        var problem = await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(["DISARM"], problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("ARMED", problem.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Acknowledging_when_there_is_no_alarm_is_a_conflict()
    {
        using var response = await stack.PutActionAsync("carol", AcmeHqSystem, "ACKNOWLEDGE");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(["ARM"], problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Of_two_concurrent_arms_exactly_one_succeeds_and_the_other_gets_409()
    {
        // Token and roles cached first, so both requests reach the database together.
        var auditBefore = (await stack.AuditAsync("bob", AcmeHqSystem)).Count;

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => stack.PutActionAsync("bob", AcmeHqSystem, "ARM")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        await ProblemAssert.IsProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
        Assert.Equal("ARMED", (await stack.GetAsync("bob", AcmeHqSystem)).State);
        Assert.Equal(auditBefore + 1, (await stack.AuditAsync("bob", AcmeHqSystem)).Count);
        Array.ForEach(responses, response => response.Dispose());
    }

    [Fact]
    public async Task A_change_based_on_a_stale_version_is_refused_with_412()
    {
        var seen = await stack.GetAsync("carol", AcmeHqSystem);
        using (var arm = await stack.PutActionAsync("bob", AcmeHqSystem, "ARM"))
        {
            await SecuritySystemStack.ReadAsync<SecuritySystemView>(arm);
        }

        using var stale = await stack.PutActionAsync("carol", AcmeHqSystem, "DISARM", ifMatch: $"\"{seen.Version}\"");
        using var current = await stack.PutActionAsync("carol", AcmeHqSystem, "DISARM", ifMatch: $"\"{seen.Version + 1}\"");

        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal($"\"{seen.Version + 1}\"", stale.Headers.ETag?.ToString());
        Assert.Equal("DISARMED", (await SecuritySystemStack.ReadAsync<SecuritySystemView>(current)).State);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"action":null}""")]
    [InlineData("""{"action":5}""")]
    [InlineData("""{"action":"SELF_DESTRUCT"}""")]
    [InlineData("""{"action":"arm"}""")]
    [InlineData("")]
    public async Task A_bad_action_is_400_naming_the_field(string body)
    {
        using var response = await stack.SendAsync(HttpMethod.Put, $"/securitysystems/{AcmeHqSystem}", "bob", body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "action");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400()
    {
        using var response = await stack.SendAsync(HttpMethod.Put, $"/securitysystems/{AcmeHqSystem}", "bob", "{\"action\": ARM");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task A_malformed_if_match_is_400_naming_the_header()
    {
        using var response = await stack.PutActionAsync("bob", AcmeHqSystem, "ARM", ifMatch: "version 1");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "If-Match");
    }
}

using System.Net;
using RealGuard.SecuritySystemService.Tests.Infrastructure;
using RealGuard.Testing;
using static RealGuard.SecuritySystemService.Tests.Infrastructure.DemoData;

namespace RealGuard.SecuritySystemService.Tests.Api;

/// <summary>A device (realguard-device, client credentials, role alarms:raise) raises alarms; people acknowledge them.</summary>
[Collection(SecuritySystemStack.Collection)]
public sealed class AlarmTests(SecuritySystemStack stack) : IAsyncLifetime
{
    public async Task InitializeAsync() => await stack.DisarmAsync(AcmeHqSystem);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_device_raises_an_alarm_on_an_armed_system_and_carol_acknowledges_it()
    {
        using (var arm = await stack.PutActionAsync("bob", AcmeHqSystem, "ARM"))
        {
            await SecuritySystemStack.ReadAsync<SecuritySystemView>(arm);
        }

        using var alarm = await stack.RaiseAlarmAsync(AcmeHqSystem);
        Assert.Equal("ALARMED", (await SecuritySystemStack.ReadAsync<SecuritySystemView>(alarm)).State);
        Assert.Equal(["DISARM", "ACKNOWLEDGE"], (await stack.GetAsync("carol", AcmeHqSystem)).Actions);
        Assert.Empty((await stack.GetAsync("bob", AcmeHqSystem)).Actions);

        using var acknowledge = await stack.PutActionAsync("carol", AcmeHqSystem, "ACKNOWLEDGE");
        Assert.Equal("DISARMED", (await SecuritySystemStack.ReadAsync<SecuritySystemView>(acknowledge)).State);

        var audit = await stack.AuditAsync("dave", AcmeHqSystem);
        Assert.Equal((DeviceUserId, "ALARM", "ARMED", "ALARMED"), (audit[^2].UserId, audit[^2].Action, audit[^2].From, audit[^2].To));
        Assert.Contains(DeviceClientId, audit[^2].UserName);
        Assert.Equal(("carol", "ACKNOWLEDGE", "ALARMED", "DISARMED"), (audit[^1].UserName, audit[^1].Action, audit[^1].From, audit[^1].To));
    }

    [Fact]
    public async Task An_alarm_on_a_disarmed_system_is_a_conflict()
    {
        using var response = await stack.RaiseAlarmAsync(AcmeHqSystem);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("DISARMED", problem.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_person_cannot_raise_an_alarm()
    {
        using var response = await stack.SendAsync(HttpMethod.Post, $"/securitysystems/{AcmeHqSystem}/alarms", "carol");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_alarm_for_an_unknown_system_is_404()
    {
        using var response = await stack.RaiseAlarmAsync(Guid.NewGuid());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}

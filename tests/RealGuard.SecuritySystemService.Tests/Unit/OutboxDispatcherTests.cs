using System.Net;
using RealGuard.SecuritySystemService.Outbox;
using RealGuard.SecuritySystemService.Tests.Infrastructure;
using static RealGuard.SecuritySystemService.Tests.Infrastructure.ScriptedHttpHandler;

namespace RealGuard.SecuritySystemService.Tests.Unit;

/// <summary>The dispatcher's loop on a fake clock: when it retries, how long it waits, and that it waits when idle.</summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private OutboxHarness outbox = null!;
    private OutboxDispatcher dispatcher = null!;

    public async Task InitializeAsync()
    {
        outbox = await OutboxHarness.CreateAsync();
        dispatcher = outbox.CreateDispatcher();
    }

    public async Task DisposeAsync()
    {
        await dispatcher.StopAsync(CancellationToken.None);
        dispatcher.Dispose();
        await outbox.DisposeAsync();
    }

    [Fact]
    public async Task While_notification_service_is_down_it_retries_after_1_2_and_4_seconds_then_delivers()
    {
        var eventId = await outbox.WriteEventAsync();
        outbox.NotificationService.ThenAnswer(Unreachable, Status(HttpStatusCode.ServiceUnavailable), Unreachable);

        await dispatcher.StartAsync(CancellationToken.None);

        foreach (var (attempt, expectedPause) in new[] { (1, 1), (2, 2), (3, 4) })
        {
            await outbox.NotificationService.WaitForRequestsAsync(attempt);
            var pause = (await outbox.Time.NextTimerStampedAsync(attempt)).DueTime;
            Assert.Equal(TimeSpan.FromSeconds(expectedPause), pause);

            // Nothing is sent again until the pause is over.
            outbox.Time.Advance(pause - TimeSpan.FromMilliseconds(1));
            await Task.Delay(50);
            Assert.Equal(attempt, outbox.NotificationService.Requests.Count);
            outbox.Time.Advance(TimeSpan.FromMilliseconds(1));
        }

        await outbox.NotificationService.WaitForRequestsAsync(4);
        Assert.Equal([eventId, eventId, eventId, eventId], outbox.PostedEventIds);
        await WaitUntilAsync(async () => (await outbox.MessagesAsync()).Single().DeliveredAt is not null);
    }

    [Fact]
    public async Task After_a_delivery_the_pauses_start_again_from_one_second()
    {
        await outbox.WriteEventAsync();
        outbox.NotificationService.ThenAnswer(Unreachable, Unreachable, Status(HttpStatusCode.Accepted), Unreachable);
        await dispatcher.StartAsync(CancellationToken.None);

        await outbox.NotificationService.WaitForRequestsAsync(1);
        outbox.Time.Advance((await outbox.Time.NextTimerStampedAsync(1)).DueTime); // 1 s
        await outbox.NotificationService.WaitForRequestsAsync(2);
        outbox.Time.Advance((await outbox.Time.NextTimerStampedAsync(2)).DueTime); // 2 s
        await outbox.NotificationService.WaitForRequestsAsync(3); // delivered
        await WaitUntilAsync(async () => (await outbox.MessagesAsync()).Single().DeliveredAt is not null);

        await outbox.WriteEventAsync();
        outbox.Signal.Notify();
        await outbox.NotificationService.WaitForRequestsAsync(4); // fails

        // Without the reset this would be the third failure in a row: 4 s.
        Assert.Equal(TimeSpan.FromSeconds(1), (await outbox.Time.NextTimerStampedAsync(4)).DueTime);
    }

    [Fact]
    public async Task When_idle_it_waits_for_the_poll_interval_instead_of_spinning()
    {
        await dispatcher.StartAsync(CancellationToken.None);

        Assert.Equal(OutboxDispatcher.PollInterval, (await outbox.Time.NextTimerAsync()).DueTime);
        await Task.Delay(200);

        Assert.False(outbox.Time.HasUnseenTimer, "The dispatcher started another round without the clock moving.");
        Assert.Empty(outbox.NotificationService.Requests);

        outbox.Time.Advance(OutboxDispatcher.PollInterval);
        Assert.Equal(OutboxDispatcher.PollInterval, (await outbox.Time.NextTimerAsync()).DueTime);
    }

    [Fact]
    public async Task A_signalled_write_is_delivered_at_once_without_waiting_for_the_poll()
    {
        await dispatcher.StartAsync(CancellationToken.None);
        await outbox.Time.NextTimerAsync(); // idle

        var eventId = await outbox.WriteEventAsync();
        outbox.Signal.Notify();

        await outbox.NotificationService.WaitForRequestsAsync(1);
        Assert.Equal([eventId], outbox.PostedEventIds);
    }

    [Fact]
    public async Task An_event_written_without_a_signal_is_found_by_the_next_poll()
    {
        await dispatcher.StartAsync(CancellationToken.None);
        await outbox.Time.NextTimerAsync(); // idle

        await outbox.WriteEventAsync();
        await Task.Delay(100);
        Assert.Empty(outbox.NotificationService.Requests);

        outbox.Time.Advance(OutboxDispatcher.PollInterval);
        await outbox.NotificationService.WaitForRequestsAsync(1);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 10 s.");
            await Task.Delay(20);
        }
    }
}

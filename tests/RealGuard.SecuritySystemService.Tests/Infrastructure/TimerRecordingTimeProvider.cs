using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace RealGuard.SecuritySystemService.Tests.Infrastructure;

/// <summary>
/// A fake clock that also reports each timer created on it (a <c>Task.Delay</c> on this provider is one), so a test
/// knows when the code under test has started waiting, and for how long, before it moves the clock.
/// </summary>
public sealed class TimerRecordingTimeProvider : FakeTimeProvider
{
    private readonly Channel<RecordedTimer> timers = Channel.CreateUnbounded<RecordedTimer>();

    public TimerRecordingTimeProvider() : base(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Read when a timer is created and kept with it: what had happened by then (e.g. requests sent).</summary>
    public Func<int> Stamp { get; set; } = () => 0;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var stamp = Stamp();
        var timer = base.CreateTimer(callback, state, dueTime, period);
        timers.Writer.TryWrite(new RecordedTimer(dueTime, stamp));
        return timer;
    }

    /// <summary>The next timer created (waits for it, in real time, up to 10 s).</summary>
    public async Task<RecordedTimer> NextTimerAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await timers.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next timer created once <see cref="Stamp"/> read <paramref name="stamp"/>; earlier ones are skipped.</summary>
    public async Task<RecordedTimer> NextTimerStampedAsync(int stamp)
    {
        RecordedTimer timer;
        do
        {
            timer = await NextTimerAsync();
        }
        while (timer.Stamp < stamp);
        return timer;
    }

    /// <summary>Whether a timer was created that has not been taken with <see cref="NextTimerAsync"/>.</summary>
    public bool HasUnseenTimer => timers.Reader.Count > 0;
}

public sealed record RecordedTimer(TimeSpan DueTime, int Stamp);

namespace RealGuard.Web.Sessions;

/// <summary>Drops sessions whose lifetime is over, so sessions never used again do not stay in memory forever.</summary>
public sealed class ExpiredSessionCleanup(IUserSessionStore sessions, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await sessions.RemoveExpiredAsync(time.GetUtcNow(), stoppingToken);
        }
    }
}

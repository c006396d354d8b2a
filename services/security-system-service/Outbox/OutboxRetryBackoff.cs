namespace RealGuard.SecuritySystemService.Outbox;

/// <summary>How long the dispatcher waits after consecutive failed deliveries: 1 s, 2 s, 4 s, … up to a longest pause.</summary>
public static class OutboxRetryBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultLongest = TimeSpan.FromSeconds(30);

    public static TimeSpan After(int consecutiveFailures, TimeSpan? longest = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutiveFailures, 1);
        var cap = longest ?? DefaultLongest;
        var doublings = Math.Min(consecutiveFailures - 1, 16);
        var delay = First * Math.Pow(2, doublings);
        return delay < cap ? delay : cap;
    }
}

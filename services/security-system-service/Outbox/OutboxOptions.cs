namespace RealGuard.SecuritySystemService.Outbox;

/// <summary>Configuration section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>The longest pause between delivery attempts while notification-service is down (default 30 s).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = OutboxRetryBackoff.DefaultLongest;
}

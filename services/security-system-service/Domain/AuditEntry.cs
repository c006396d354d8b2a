namespace RealGuard.SecuritySystemService.Domain;

/// <summary>Who changed a security system's state, when, and how. Written in the transaction of the change.</summary>
public sealed class AuditEntry
{
    /// <summary>Increasing in the order entries were written: the audit's order.</summary>
    public long Id { get; init; }

    public required Guid SecuritySystemId { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The actor's <c>sub</c>: a person, or the service account of a device.</summary>
    public required string UserId { get; init; }

    /// <summary>The actor's <c>preferred_username</c> (for a device, its client id when it has none).</summary>
    public string? UserName { get; init; }

    public required string Action { get; init; }

    public required SecuritySystemState From { get; init; }

    public required SecuritySystemState To { get; init; }
}

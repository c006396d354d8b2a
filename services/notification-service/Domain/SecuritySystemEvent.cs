namespace RealGuard.NotificationService.Domain;

/// <summary>A change of a security system, as security-system-service reports it; stored once per <see cref="EventId"/>.</summary>
public sealed class SecuritySystemEvent
{
    /// <summary>The database's own key; <see cref="EventId"/> is the sender's, unique.</summary>
    public long Id { get; set; }

    public Guid EventId { get; set; }

    public Guid SecuritySystemId { get; set; }

    public Guid LocationId { get; set; }

    public required string LocationName { get; set; }

    public required string Action { get; set; }

    public required string From { get; set; }

    public required string To { get; set; }

    public required string ActorUserId { get; set; }

    public string? ActorName { get; set; }

    /// <summary>UTC.</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>UTC, when notification-service accepted it.</summary>
    public DateTime ReceivedAt { get; set; }

    public List<Notification> Notifications { get; } = [];
}

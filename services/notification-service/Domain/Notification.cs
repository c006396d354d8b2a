namespace RealGuard.NotificationService.Domain;

/// <summary>What one person is told about one event.</summary>
public sealed class Notification
{
    public Guid Id { get; set; }

    /// <summary>The <c>sub</c> of the person notified.</summary>
    public required string RecipientUserId { get; set; }

    public Guid EventId { get; set; }

    public Guid SecuritySystemId { get; set; }

    public Guid LocationId { get; set; }

    public required string LocationName { get; set; }

    public required string Message { get; set; }

    /// <summary>UTC.</summary>
    public DateTime OccurredAt { get; set; }
}

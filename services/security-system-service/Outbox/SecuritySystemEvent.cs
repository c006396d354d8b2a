namespace RealGuard.SecuritySystemService.Outbox;

/// <summary>
/// What notification-service receives for each state change (docs/api.md). <see cref="EventId"/> is fixed when the
/// change is written, so a delivery retried after a lost response is recognised as the same event.
/// </summary>
public sealed record SecuritySystemEvent(
    Guid EventId,
    Guid SecuritySystemId,
    Guid LocationId,
    string LocationName,
    string Action,
    string From,
    string To,
    string ActorUserId,
    string? ActorName,
    DateTimeOffset OccurredAt);

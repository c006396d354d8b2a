using Microsoft.EntityFrameworkCore;
using RealGuard.NotificationService.CustomerService;
using RealGuard.NotificationService.Data;
using RealGuard.NotificationService.Domain;

namespace RealGuard.NotificationService.Events;

public enum IntakeOutcome
{
    Stored,
    AlreadyStored,
}

/// <summary>
/// Takes a security-system event in exactly once. Its recipients are fetched from customer-service first; the event
/// and all its notifications are then stored in one transaction. If customer-service cannot answer, nothing is stored
/// and <see cref="CustomerServiceUnavailableException"/> propagates, so the sender (whose outbox retries until an
/// event is accepted) delivers it again: an event is never lost, never half-stored, never stored twice.
/// </summary>
public sealed partial class EventIntake(
    NotificationDbContext db, CustomerServiceClient customerService, TimeProvider time, ILogger<EventIntake> logger)
{
    private const string UnknownActor = "Someone";

    public async Task<IntakeOutcome> AcceptAsync(SecuritySystemEvent incoming, CancellationToken cancellationToken)
    {
        // A redelivery needs no customer-service round trip.
        if (await db.Events.AnyAsync(e => e.EventId == incoming.EventId, cancellationToken))
        {
            return IntakeOutcome.AlreadyStored;
        }

        var people = await customerService.GetPeopleAtLocationAsync(incoming.LocationId, cancellationToken);

        // customer-service's display name ("Bob Brown") over the sender's, which may be a username.
        var actor = people.FirstOrDefault(person => person.UserId == incoming.ActorUserId)?.Name is { Length: > 0 } name
            ? name
            : incoming.ActorName is { Length: > 0 } sent ? sent : UnknownActor;
        var message = NotificationMessage.For(incoming.Action, incoming.From, incoming.To, actor, incoming.LocationName);

        var recipients = people
            .Select(person => person.UserId)
            .OfType<string>()
            .Where(userId => userId.Length is > 0 and <= NotificationDbContext.UserIdLength)
            .Distinct(StringComparer.Ordinal);
        incoming.Notifications.AddRange(recipients.Select(userId => new Notification
        {
            Id = Guid.CreateVersion7(),
            RecipientUserId = userId,
            EventId = incoming.EventId,
            SecuritySystemId = incoming.SecuritySystemId,
            LocationId = incoming.LocationId,
            LocationName = incoming.LocationName,
            Message = message.Length <= NotificationDbContext.MessageLength ? message : message[..NotificationDbContext.MessageLength],
            OccurredAt = incoming.OccurredAt,
        }));
        incoming.ReceivedAt = time.GetUtcNow().UtcDateTime;

        db.Events.Add(incoming);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same event, delivered concurrently, was stored first: that copy stands.
            db.ChangeTracker.Clear();
            LogConcurrentDuplicate(logger, incoming.EventId);
            return IntakeOutcome.AlreadyStored;
        }

        LogStored(logger, incoming.EventId, incoming.Action, incoming.LocationId, incoming.Notifications.Count);
        return IntakeOutcome.Stored;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} ({Action} at {LocationId}) stored with {Count} notifications")]
    private static partial void LogStored(ILogger logger, Guid eventId, string action, Guid locationId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} was stored by a concurrent delivery")]
    private static partial void LogConcurrentDuplicate(ILogger logger, Guid eventId);
}

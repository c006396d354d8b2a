using RealGuard.SecuritySystemService.Domain;
using RealGuard.SecuritySystemService.Outbox;

namespace RealGuard.SecuritySystemService.Data;

public static class StateChangeRecording
{
    /// <summary>
    /// Adds the audit entry and the outbox event of <paramref name="change"/>; they are saved by the same
    /// SaveChanges (one transaction) as the system's new state, or not at all.
    /// </summary>
    public static void RecordStateChange(
        this SecuritySystemDbContext db, SecuritySystem system, StateChange change, Actor actor, DateTimeOffset at)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            SecuritySystemId = system.Id,
            At = at,
            UserId = actor.UserId,
            UserName = actor.Name,
            Action = change.Action,
            From = change.From,
            To = change.To,
        });

        db.OutboxMessages.Add(OutboxMessage.For(new SecuritySystemEvent(
            EventId: Guid.CreateVersion7(at),
            SecuritySystemId: system.Id,
            LocationId: system.LocationId,
            LocationName: system.LocationName,
            Action: change.Action,
            From: change.From.ToWireName(),
            To: change.To.ToWireName(),
            ActorUserId: actor.UserId,
            ActorName: actor.Name,
            OccurredAt: at)));
    }
}

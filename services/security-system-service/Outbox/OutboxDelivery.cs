using Microsoft.EntityFrameworkCore;
using RealGuard.SecuritySystemService.Data;

namespace RealGuard.SecuritySystemService.Outbox;

/// <summary>One delivery round: the oldest pending messages, in the order they were written, until one fails.</summary>
public sealed partial class OutboxDelivery(
    SecuritySystemDbContext db, NotificationServiceClient notifications, TimeProvider time, ILogger<OutboxDelivery> logger)
{
    public const int BatchSize = 20;

    public async Task<OutboxRound> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var batch = await db.OutboxMessages
            .Where(message => message.DeliveredAt == null && message.RejectedAt == null)
            .OrderBy(message => message.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return OutboxRound.Idle;
        }

        foreach (var message in batch)
        {
            message.Attempts++;
            DeliveryOutcome outcome;
            using (var delivery = OutboxTracing.StartDelivery(message))
            {
                outcome = await notifications.SendAsync(message, cancellationToken);
                delivery?.SetTag("realguard.delivery_status", outcome.Status.ToString());
            }

            switch (outcome.Status)
            {
                case DeliveryStatus.Delivered:
                    message.DeliveredAt = time.GetUtcNow();
                    message.LastError = null;
                    break;
                case DeliveryStatus.Rejected:
                    message.RejectedAt = time.GetUtcNow();
                    message.LastError = outcome.Error;
                    LogRejected(message.EventId, outcome.Error);
                    break;
                default:
                    message.LastError = outcome.Error;
                    await db.SaveChangesAsync(cancellationToken);
                    LogFailed(message.EventId, message.Attempts, outcome.Error);
                    return OutboxRound.Failed;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return OutboxRound.Delivered;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification event {EventId} was rejected and will not be sent again: {Error}")]
    private partial void LogRejected(Guid eventId, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification event {EventId} not delivered (attempt {Attempts}), will retry: {Error}")]
    private partial void LogFailed(Guid eventId, int attempts, string? error);
}

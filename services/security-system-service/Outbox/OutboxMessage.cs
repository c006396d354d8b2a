using System.Text.Json;

namespace RealGuard.SecuritySystemService.Outbox;

/// <summary>An event waiting for (or done with) delivery to notification-service; written with the change it reports.</summary>
public sealed class OutboxMessage
{
    /// <summary>Increasing in the order messages were written: the delivery order.</summary>
    public long Id { get; init; }

    public required Guid EventId { get; init; }

    /// <summary>The <see cref="SecuritySystemEvent"/> as JSON, sent as it is.</summary>
    public required string Payload { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Set when notification-service refused the event as invalid: it stays here for a person to look at.</summary>
    public DateTimeOffset? RejectedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>The W3C trace context of the change, so its delivery shows in the same trace (see <see cref="OutboxTracing"/>).</summary>
    public string? TraceParent { get; init; }

    public static OutboxMessage For(SecuritySystemEvent @event) => new()
    {
        EventId = @event.EventId,
        Payload = JsonSerializer.Serialize(@event, JsonSerializerOptions.Web),
        CreatedAt = @event.OccurredAt,
        TraceParent = OutboxTracing.CurrentTraceParent,
    };
}

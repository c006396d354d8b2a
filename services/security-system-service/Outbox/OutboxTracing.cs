using System.Diagnostics;

namespace RealGuard.SecuritySystemService.Outbox;

/// <summary>
/// Keeps a delivery in the trace of the change it reports: the change's trace context is stored with the outbox message,
/// and the delivery (with its call to notification-service) runs as a child span of it, even when it happens later or
/// after a restart.
/// </summary>
internal static class OutboxTracing
{
    // The service's own source: ServiceDefaults listens to the application's name.
    private static readonly ActivitySource Source = new(typeof(OutboxTracing).Assembly.GetName().Name!);

    /// <summary>The W3C <c>traceparent</c> of the change being made, if it is traced.</summary>
    public static string? CurrentTraceParent => Activity.Current?.IdFormat == ActivityIdFormat.W3C ? Activity.Current.Id : null;

    public static Activity? StartDelivery(OutboxMessage message)
    {
        var parent = ActivityContext.TryParse(message.TraceParent, traceState: null, out var context) ? context : default;
        var activity = Source.StartActivity("outbox deliver", ActivityKind.Producer, parent);
        activity?.SetTag("realguard.event_id", message.EventId);
        activity?.SetTag("realguard.delivery_attempt", message.Attempts);
        return activity;
    }
}

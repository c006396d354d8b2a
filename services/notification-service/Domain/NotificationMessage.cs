namespace RealGuard.NotificationService.Domain;

/// <summary>The sentence a person reads, e.g. "Bob Brown armed Acme HQ".</summary>
public static class NotificationMessage
{
    public static string For(string action, string from, string to, string actor, string location) => action switch
    {
        WireNames.Arm => $"{actor} armed {location}",
        WireNames.Disarm when from == WireNames.Alarmed => $"{actor} disarmed {location} during an alarm",
        WireNames.Disarm => $"{actor} disarmed {location}",
        WireNames.Acknowledge => $"{actor} acknowledged the alarm at {location}",
        WireNames.Alarm => $"Alarm at {location}: the security system went from {from} to {to}",
        _ => $"{actor} changed {location} from {from} to {to}",
    };
}

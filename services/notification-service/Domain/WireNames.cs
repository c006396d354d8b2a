namespace RealGuard.NotificationService.Domain;

/// <summary>The actions and states security-system-service puts into its events (docs/api.md).</summary>
public static class WireNames
{
    public const string Arm = "ARM";
    public const string Disarm = "DISARM";
    public const string Acknowledge = "ACKNOWLEDGE";

    /// <summary>A device raised an alarm: not an action a person takes, but an event all the same.</summary>
    public const string Alarm = "ALARM";

    public const string Disarmed = "DISARMED";
    public const string Armed = "ARMED";
    public const string Alarmed = "ALARMED";

    public static IReadOnlyList<string> Actions { get; } = [Arm, Disarm, Acknowledge, Alarm];

    public static IReadOnlyList<string> States { get; } = [Disarmed, Armed, Alarmed];
}

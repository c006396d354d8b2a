namespace RealGuard.SecuritySystemService.Domain;

/// <summary>
/// Which transitions a security system allows, whoever asks: ARM from DISARMED; DISARM from ARMED or ALARMED;
/// ACKNOWLEDGE from ALARMED; and the alarm a device raises, from ARMED.
/// </summary>
public static class SecuritySystemStateMachine
{
    /// <summary>The state <paramref name="action"/> leads to, or null when <paramref name="from"/> does not allow it.</summary>
    public static SecuritySystemState? Next(SecuritySystemState from, SecuritySystemAction action) => (from, action) switch
    {
        (SecuritySystemState.Disarmed, SecuritySystemAction.Arm) => SecuritySystemState.Armed,
        (SecuritySystemState.Armed or SecuritySystemState.Alarmed, SecuritySystemAction.Disarm) => SecuritySystemState.Disarmed,
        // RealGuardIO's controller still answers 400 to ACKNOWLEDGE, but its design of the feature
        // (docs/features/disarm-security-system/disarm-security-system-spec.md, SecuritySystem.acknowledge()) takes an
        // ALARMED system to DISARMED: acknowledging an alarm ends it. The target is the same as DISARM's; the audit
        // entry and the notification keep which of the two the person chose.
        (SecuritySystemState.Alarmed, SecuritySystemAction.Acknowledge) => SecuritySystemState.Disarmed,
        _ => null,
    };

    /// <summary>The state an alarm leads to, or null when <paramref name="from"/> is not ARMED (nothing to alarm).</summary>
    public static SecuritySystemState? NextOnAlarm(SecuritySystemState from)
        => from == SecuritySystemState.Armed ? SecuritySystemState.Alarmed : null;

    /// <summary>The actions <paramref name="state"/> allows, in the order ARM, DISARM, ACKNOWLEDGE.</summary>
    public static IReadOnlyList<SecuritySystemAction> ActionsAllowedIn(SecuritySystemState state)
        => [.. Enum.GetValues<SecuritySystemAction>().Where(action => Next(state, action) is not null)];
}

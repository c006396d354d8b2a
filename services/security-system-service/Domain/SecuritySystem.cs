namespace RealGuard.SecuritySystemService.Domain;

/// <summary>The security system of one location. <see cref="Version"/> counts its changes (optimistic concurrency, ETag).</summary>
public sealed class SecuritySystem
{
    private SecuritySystem(Guid id, Guid locationId, string locationName, SecuritySystemState state, long version)
    {
        Id = id;
        LocationId = locationId;
        LocationName = locationName;
        State = state;
        Version = version;
    }

    public Guid Id { get; private set; }

    public Guid LocationId { get; private set; }

    /// <summary>Copied from customer-service when the system is created.</summary>
    public string LocationName { get; private set; }

    public SecuritySystemState State { get; private set; }

    public long Version { get; private set; }

    /// <summary>A new system is DISARMED.</summary>
    public static SecuritySystem Create(Guid id, Guid locationId, string locationName)
        => new(id, locationId, locationName, SecuritySystemState.Disarmed, version: 1);

    /// <summary>Takes <paramref name="action"/> if the state allows it; null (and no change) otherwise.</summary>
    public StateChange? Apply(SecuritySystemAction action)
        => SecuritySystemStateMachine.Next(State, action) is { } next ? MoveTo(next, action.ToWireName()) : null;

    /// <summary>Raises an alarm if the system is ARMED; null (and no change) otherwise.</summary>
    public StateChange? RaiseAlarm()
        => SecuritySystemStateMachine.NextOnAlarm(State) is { } next ? MoveTo(next, WireNames.AlarmRaised) : null;

    private StateChange MoveTo(SecuritySystemState next, string action)
    {
        var change = new StateChange(action, State, next);
        State = next;
        Version++;
        return change;
    }
}

/// <summary>One transition: what caused it (ARM, DISARM, ACKNOWLEDGE or ALARM) and the states before and after.</summary>
public sealed record StateChange(string Action, SecuritySystemState From, SecuritySystemState To);

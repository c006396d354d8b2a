namespace RealGuard.SecuritySystemService.Domain;

/// <summary>On the wire and in the database as DISARMED, ARMED, ALARMED.</summary>
public enum SecuritySystemState
{
    Disarmed,
    Armed,
    Alarmed,
}

namespace RealGuard.SecuritySystemService.Domain;

/// <summary>What a person may ask a security system to do; on the wire as ARM, DISARM, ACKNOWLEDGE.</summary>
public enum SecuritySystemAction
{
    Arm,
    Disarm,
    Acknowledge,
}

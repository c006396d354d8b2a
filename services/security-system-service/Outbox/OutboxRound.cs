namespace RealGuard.SecuritySystemService.Outbox;

/// <summary>How a delivery round ended.</summary>
public enum OutboxRound
{
    /// <summary>Nothing was waiting.</summary>
    Idle,

    /// <summary>Every message of the batch was dealt with; more may be waiting.</summary>
    Delivered,

    /// <summary>A message could not be delivered; it and the ones after it wait for the next round.</summary>
    Failed,
}

namespace RealGuard.SecuritySystemService.Outbox;

/// <summary>What became of one delivery attempt.</summary>
public sealed record DeliveryOutcome(DeliveryStatus Status, string? Error)
{
    public static DeliveryOutcome Delivered { get; } = new(DeliveryStatus.Delivered, null);

    public static DeliveryOutcome Rejected(string error) => new(DeliveryStatus.Rejected, error);

    public static DeliveryOutcome Failed(string error) => new(DeliveryStatus.Failed, error);
}

public enum DeliveryStatus
{
    Delivered,
    Rejected,
    Failed,
}

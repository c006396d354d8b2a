namespace RealGuard.CustomerService.Domain;

/// <summary>A customer's site; its security system is managed by security-system-service.</summary>
public sealed class Location
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid CustomerId { get; init; }

    public required string Name { get; set; }
}

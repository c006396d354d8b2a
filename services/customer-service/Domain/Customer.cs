namespace RealGuard.CustomerService.Domain;

/// <summary>A company that buys RealGuard's service: it owns locations, employs people and organizes them in teams.</summary>
public sealed class Customer
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string Name { get; set; }

    public List<Employee> Employees { get; init; } = [];

    public List<Location> Locations { get; init; } = [];

    public List<Team> Teams { get; init; } = [];
}

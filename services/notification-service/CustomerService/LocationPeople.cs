namespace RealGuard.NotificationService.CustomerService;

/// <summary>customer-service's <c>GET /locations/{id}/people</c>: everyone with a role at the location.</summary>
public sealed record LocationPeopleResponse(IReadOnlyList<LocationPerson>? People);

public sealed record LocationPerson(string? UserId, string? Name, IReadOnlyList<string>? Roles);

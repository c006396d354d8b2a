namespace RealGuard.SecuritySystemService.CustomerService;

// The parts of customer-service's responses this service reads (docs/api.md, "customer-service").

/// <summary><c>GET /locations/{id}</c></summary>
public sealed record LocationResponse(Guid Id, Guid CustomerId, string Name);

/// <summary><c>GET /locations/{id}/roles</c></summary>
public sealed record LocationRolesResponse(IReadOnlyList<string>? Roles);

/// <summary><c>GET /me/locations</c></summary>
public sealed record MyLocationsResponse(IReadOnlyList<MyLocation>? Locations);

public sealed record MyLocation(Guid Id, Guid CustomerId, string Name, IReadOnlyList<string>? Roles);

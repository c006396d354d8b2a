using RealGuard.CustomerService.Iam;

namespace RealGuard.CustomerService.Endpoints;

// Requests once validated: trimmed, normalized, typed.

public sealed record NewPerson(string FirstName, string LastName, string Email, string? Phone)
{
    public IamUser ToIamUser() => new(FirstName, LastName, Email);
}

public sealed record NewCustomer(string Name, NewPerson InitialAdministrator);

public sealed record NewName(string Name);

public sealed record CustomerRoleAssignment(Guid EmployeeId, string RoleName);

public sealed record LocationRoleAssignment(Guid EmployeeId, Guid LocationId, string RoleName);

public sealed record TeamMembership(Guid EmployeeId);

public sealed record TeamLocationRoleAssignment(Guid LocationId, string RoleName);

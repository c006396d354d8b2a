namespace RealGuard.CustomerService.Api;

// Request bodies as clients send them. Every field is a nullable string so that a missing or malformed value
// (an id that is not a GUID, say) is reported by RequestValidation, naming the field, rather than failing binding.

public sealed record CreateCustomerRequest(string? Name, PersonRequest? InitialAdministrator);

public sealed record PersonRequest(string? FirstName, string? LastName, string? Email, string? Phone);

public sealed record NameRequest(string? Name);

public sealed record AssignCustomerRoleRequest(string? EmployeeId, string? RoleName);

public sealed record AssignLocationRoleRequest(string? EmployeeId, string? LocationId, string? RoleName);

public sealed record AddTeamMemberRequest(string? EmployeeId);

public sealed record AssignTeamLocationRoleRequest(string? LocationId, string? RoleName);

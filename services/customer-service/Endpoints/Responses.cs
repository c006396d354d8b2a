using System.Text.Json.Serialization;

namespace RealGuard.CustomerService.Endpoints;

public sealed record CustomerResponse(Guid Id, string Name);

public sealed record CustomersResponse(IReadOnlyList<CustomerResponse> Customers);

public sealed record CustomerDetailsResponse(
    Guid Id,
    string Name,
    IReadOnlyList<EmployeeResponse> Employees,
    IReadOnlyList<LocationResponse> Locations,
    IReadOnlyList<TeamResponse> Teams);

public sealed record CreateCustomerResponse(CustomerResponse Customer, EmployeeResponse InitialAdministrator);

/// <summary>
/// An employee. <c>email</c> and <c>phone</c> are present only for the customer's company administrators and RealGuard
/// administrators; <c>initialPassword</c> only in the response that provisioned the person.
/// </summary>
public sealed record EmployeeResponse(
    Guid Id,
    Guid CustomerId,
    string UserId,
    string FirstName,
    string LastName,
    [property: JsonPropertyOrder(1)] IReadOnlyList<string> CustomerRoles,
    [property: JsonPropertyOrder(1)] IReadOnlyList<LocationRoleResponse> LocationRoles)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Email { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Phone { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyOrder(2)]
    public string? InitialPassword { get; init; }
}

public sealed record EmployeesResponse(IReadOnlyList<EmployeeResponse> Employees);

public sealed record LocationResponse(Guid Id, Guid CustomerId, string Name);

public sealed record LocationsResponse(IReadOnlyList<LocationResponse> Locations);

public sealed record LocationWithRolesResponse(Guid Id, Guid CustomerId, string Name, IReadOnlyList<string> Roles);

public sealed record MyLocationsResponse(IReadOnlyList<LocationWithRolesResponse> Locations);

public sealed record LocationRoleResponse(Guid LocationId, string RoleName);

public sealed record TeamResponse(Guid Id, Guid CustomerId, string Name, IReadOnlyList<Guid> MemberIds, IReadOnlyList<LocationRoleResponse> LocationRoles);

public sealed record CustomerRoleAssignmentResponse(Guid EmployeeId, string RoleName);

public sealed record LocationRoleAssignmentResponse(Guid EmployeeId, Guid LocationId, string RoleName);

public sealed record RolesResponse(IReadOnlyList<string> Roles);

public sealed record PersonWithRolesResponse(string UserId, string Name, IReadOnlyList<string> Roles);

public sealed record PeopleResponse(IReadOnlyList<PersonWithRolesResponse> People);

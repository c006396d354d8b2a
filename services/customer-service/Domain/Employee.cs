namespace RealGuard.CustomerService.Domain;

/// <summary>A person working for a customer, known to the IAM as <see cref="UserId"/> (the token's <c>sub</c>).</summary>
public sealed class Employee
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid CustomerId { get; init; }

    public required string UserId { get; init; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    /// <summary>Lower case, as the IAM stores it; also the IAM username.</summary>
    public required string Email { get; set; }

    public string? Phone { get; set; }

    public List<EmployeeCustomerRole> CustomerRoles { get; init; } = [];

    public List<EmployeeLocationRole> LocationRoles { get; init; } = [];

    public List<TeamMember> Memberships { get; init; } = [];

    public string FullName => $"{FirstName} {LastName}";

    /// <summary>Idempotent: holding the role already changes nothing.</summary>
    public void AssignCustomerRole(string roleName)
    {
        if (!CustomerRoles.Any(role => role.RoleName == roleName))
        {
            CustomerRoles.Add(new EmployeeCustomerRole { EmployeeId = Id, RoleName = roleName });
        }
    }

    /// <summary>Idempotent: holding the role at the location already changes nothing.</summary>
    public void AssignLocationRole(Guid locationId, string roleName)
    {
        if (!LocationRoles.Any(role => role.LocationId == locationId && role.RoleName == roleName))
        {
            LocationRoles.Add(new EmployeeLocationRole { EmployeeId = Id, LocationId = locationId, RoleName = roleName });
        }
    }
}

/// <summary>A role an employee holds for the whole customer (and so at each of its locations).</summary>
public sealed class EmployeeCustomerRole
{
    public Guid EmployeeId { get; init; }

    public required string RoleName { get; init; }
}

/// <summary>A role an employee holds at one location.</summary>
public sealed class EmployeeLocationRole
{
    public Guid EmployeeId { get; init; }

    public Guid LocationId { get; init; }

    public required string RoleName { get; init; }
}

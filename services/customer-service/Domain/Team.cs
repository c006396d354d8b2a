namespace RealGuard.CustomerService.Domain;

/// <summary>A group of a customer's employees; each member holds the team's location roles.</summary>
public sealed class Team
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid CustomerId { get; init; }

    public required string Name { get; set; }

    public List<TeamMember> Members { get; init; } = [];

    public List<TeamLocationRole> LocationRoles { get; init; } = [];

    /// <summary>Idempotent: a member stays a member once.</summary>
    public void AddMember(Guid employeeId)
    {
        if (!Members.Any(member => member.EmployeeId == employeeId))
        {
            Members.Add(new TeamMember { TeamId = Id, EmployeeId = employeeId });
        }
    }

    /// <summary>Idempotent: the team holding the role at the location already changes nothing.</summary>
    public void AssignLocationRole(Guid locationId, string roleName)
    {
        if (!LocationRoles.Any(role => role.LocationId == locationId && role.RoleName == roleName))
        {
            LocationRoles.Add(new TeamLocationRole { TeamId = Id, LocationId = locationId, RoleName = roleName });
        }
    }
}

public sealed class TeamMember
{
    public Guid TeamId { get; init; }

    public Guid EmployeeId { get; init; }

    public Team? Team { get; init; }
}

/// <summary>A role every member of the team holds at one location.</summary>
public sealed class TeamLocationRole
{
    public Guid TeamId { get; init; }

    public Guid LocationId { get; init; }

    public required string RoleName { get; init; }
}

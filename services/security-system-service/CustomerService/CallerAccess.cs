using RealGuard.SecuritySystemService.Domain;

namespace RealGuard.SecuritySystemService.CustomerService;

/// <summary>
/// The caller at one location: their data roles there, and whether they are a RealGuard administrator. Administrators
/// view everything; acting always takes a location role.
/// </summary>
public sealed record CallerAccess(bool IsAdministrator, IReadOnlySet<string> Roles)
{
    public static readonly IReadOnlySet<string> NoRoles = new HashSet<string>();

    public bool CanView => IsAdministrator || LocationRoles.PermitView(Roles);

    public bool MayTake(SecuritySystemAction action) => LocationRoles.Permit(Roles, action);

    public IReadOnlyList<SecuritySystemAction> ActionsOn(SecuritySystem system) => LocationRoles.AvailableActions(system.State, Roles);
}

using RealGuard.ServiceDefaults;

namespace RealGuard.SecuritySystemService.Domain;

/// <summary>
/// The data roles customer-service holds for a person at a location, and what each permits here (RealGuardIO's
/// RolesAndPermissions): ARMER views and arms, DISARMER views, disarms and acknowledges, VIEWER views.
/// Other roles (COMPANY_ROLE_ADMIN) permit nothing on security systems.
/// </summary>
public static class LocationRoles
{
    private const string Armer = DataRoles.SecuritySystemArmer;
    private const string Disarmer = DataRoles.SecuritySystemDisarmer;
    private const string Viewer = DataRoles.SecuritySystemViewer;

    public static bool PermitView(IReadOnlyCollection<string> roles)
        => roles.Contains(Armer) || roles.Contains(Disarmer) || roles.Contains(Viewer);

    public static bool Permit(IReadOnlyCollection<string> roles, SecuritySystemAction action) => action switch
    {
        SecuritySystemAction.Arm => roles.Contains(Armer),
        SecuritySystemAction.Disarm or SecuritySystemAction.Acknowledge => roles.Contains(Disarmer),
        _ => false,
    };

    /// <summary>The role an action needs, for messages.</summary>
    public static string RequiredFor(SecuritySystemAction action)
        => action == SecuritySystemAction.Arm ? Armer : Disarmer;

    /// <summary>What a person holding <paramref name="roles"/> may do now: allowed by the state and by a role.</summary>
    public static IReadOnlyList<SecuritySystemAction> AvailableActions(SecuritySystemState state, IReadOnlyCollection<string> roles)
        => [.. SecuritySystemStateMachine.ActionsAllowedIn(state).Where(action => Permit(roles, action))];
}

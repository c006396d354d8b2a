namespace RealGuard.CustomerService.Domain;

/// <summary>
/// The data roles customer-service holds (RealGuardIO's). Any of them may be held for a whole customer; the
/// security-system roles may also be held at a single location, directly or through a team.
/// </summary>
public static class RoleNames
{
    public const string CompanyAdmin = "COMPANY_ROLE_ADMIN";
    public const string SecuritySystemArmer = "SECURITY_SYSTEM_ARMER";
    public const string SecuritySystemDisarmer = "SECURITY_SYSTEM_DISARMER";
    public const string SecuritySystemViewer = "SECURITY_SYSTEM_VIEWER";

    public static IReadOnlyList<string> LocationRoles { get; } = [SecuritySystemArmer, SecuritySystemDisarmer, SecuritySystemViewer];

    public static IReadOnlyList<string> CustomerRoles { get; } = [CompanyAdmin, .. LocationRoles];

    public static bool IsLocationRole(string roleName) => LocationRoles.Contains(roleName, StringComparer.Ordinal);

    public static bool IsCustomerRole(string roleName) => CustomerRoles.Contains(roleName, StringComparer.Ordinal);
}

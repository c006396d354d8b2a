namespace RealGuard.ServiceDefaults;

// Every role name RealGuard uses, declared once (docs/api.md, "Roles and permissions"); realm-export.json defines the
// token roles, customer-service holds the data roles.

/// <summary>Realm roles, in access tokens' <c>realm_access.roles</c>.</summary>
public static class RealmRoles
{
    /// <summary>The RealGuard operator: creates customers and security systems, views every one; holds no location role.</summary>
    public const string Admin = "REALGUARDIO_ADMIN";

    /// <summary>Every employee of a customer; what they may do at a location is their data roles'.</summary>
    public const string CustomerEmployee = "REALGUARDIO_CUSTOMER_EMPLOYEE";
}

/// <summary>Client roles of <see cref="RealmClients.Api"/> held by service accounts (role claims without prefix).</summary>
public static class ApiRoles
{
    /// <summary>Devices raise alarms.</summary>
    public const string AlarmsRaise = "alarms:raise";

    /// <summary>security-system-service delivers its events to notification-service.</summary>
    public const string NotificationsSend = "notifications:send";

    /// <summary>notification-service lists who holds roles at a location.</summary>
    public const string LocationsReadPeople = "locations:read-people";
}

/// <summary>Data roles, held in customer-service at a customer or at a location.</summary>
public static class DataRoles
{
    /// <summary>Customer level only: manages employees, locations, teams and role assignments.</summary>
    public const string CompanyAdmin = "COMPANY_ROLE_ADMIN";

    public const string SecuritySystemArmer = "SECURITY_SYSTEM_ARMER";
    public const string SecuritySystemDisarmer = "SECURITY_SYSTEM_DISARMER";
    public const string SecuritySystemViewer = "SECURITY_SYSTEM_VIEWER";

    /// <summary>The roles that can be held at a location (or at customer level, for all its locations).</summary>
    public static IReadOnlyList<string> LocationRoles { get; } = [SecuritySystemArmer, SecuritySystemDisarmer, SecuritySystemViewer];

    /// <summary>The roles that can be held at customer level.</summary>
    public static IReadOnlyList<string> CustomerRoles { get; } = [CompanyAdmin, .. LocationRoles];

    public static bool IsLocationRole(string roleName) => LocationRoles.Contains(roleName, StringComparer.Ordinal);

    public static bool IsCustomerRole(string roleName) => CustomerRoles.Contains(roleName, StringComparer.Ordinal);
}

namespace RealGuard.CustomerService.Authorization;

/// <summary>Roles carried by access tokens (realm roles, and realguard-api client roles, unprefixed).</summary>
public static class TokenRoles
{
    /// <summary>The RealGuard operator: creates customers and may act on every customer.</summary>
    public const string RealGuardAdmin = "REALGUARDIO_ADMIN";

    /// <summary>The realm role every provisioned employee gets.</summary>
    public const string CustomerEmployee = "REALGUARDIO_CUSTOMER_EMPLOYEE";

    /// <summary>Service accounts (notification-service) that list who holds roles at a location.</summary>
    public const string ReadLocationPeople = "locations:read-people";
}

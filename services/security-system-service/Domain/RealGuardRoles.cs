namespace RealGuard.SecuritySystemService.Domain;

/// <summary>Roles carried in access tokens (role claims, see ServiceDefaults' roles transformation).</summary>
public static class RealGuardRoles
{
    /// <summary>Realm role of the RealGuard operator: sees every security system, creates them; acts only by location role.</summary>
    public const string Administrator = "REALGUARDIO_ADMIN";

    /// <summary>Client role of realguard-api held by devices' service accounts.</summary>
    public const string AlarmRaiser = "alarms:raise";
}

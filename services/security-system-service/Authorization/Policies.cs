using Microsoft.AspNetCore.Authorization;
using RealGuard.ServiceDefaults;

namespace RealGuard.SecuritySystemService.Authorization;

/// <summary>Coarse checks on the token; location roles are checked per system (SecuritySystemAccess).</summary>
public static class Policies
{
    public const string Administrator = "RealGuardAdministrator";
    public const string AlarmRaiser = nameof(AlarmRaiser);

    /// <summary>Every endpoint needs a valid access token unless it says otherwise (health, OpenAPI).</summary>
    public static AuthorizationBuilder AddPolicies(this AuthorizationBuilder authorization) => authorization
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(Administrator, policy => policy.RequireRole(RealmRoles.Admin))
        .AddPolicy(AlarmRaiser, policy => policy.RequireRole(ApiRoles.AlarmsRaise));
}

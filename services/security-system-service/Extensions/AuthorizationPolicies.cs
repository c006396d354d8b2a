using Microsoft.AspNetCore.Authorization;
using RealGuard.SecuritySystemService.Domain;

namespace RealGuard.SecuritySystemService.Extensions;

/// <summary>Coarse checks on the token; location roles are checked per system (SecuritySystemAccess).</summary>
public static class AuthorizationPolicies
{
    public const string Administrator = "RealGuardAdministrator";
    public const string AlarmRaiser = "AlarmRaiser";

    public static IHostApplicationBuilder AddAuthorizationPolicies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            // Every endpoint needs a valid access token unless it says otherwise (health, OpenAPI).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Administrator, policy => policy.RequireRole(RealGuardRoles.Administrator))
            .AddPolicy(AlarmRaiser, policy => policy.RequireRole(RealGuardRoles.AlarmRaiser));
        return builder;
    }
}

using Microsoft.AspNetCore.Authorization;
using RealGuard.ServiceDefaults;

namespace RealGuard.CustomerService.Authorization;

/// <summary>The coarse, token-based checks; data-level decisions are <see cref="CustomerAccess"/>'s.</summary>
public static class Policies
{
    public const string RealGuardAdmin = nameof(RealGuardAdmin);
    public const string ReadLocationPeople = nameof(ReadLocationPeople);

    /// <summary>Every endpoint needs a valid access token unless it says otherwise (health, OpenAPI).</summary>
    public static AuthorizationBuilder AddPolicies(this AuthorizationBuilder authorization) => authorization
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(RealGuardAdmin, policy => policy.RequireRole(RealmRoles.Admin))
        .AddPolicy(ReadLocationPeople, policy => policy.RequireRole(ApiRoles.LocationsReadPeople, RealmRoles.Admin));
}

using Microsoft.AspNetCore.Authorization;
using RealGuard.ServiceDefaults;

namespace RealGuard.NotificationService.Authorization;

/// <summary>Coarse checks on the token; a person sees only their own notifications (by <c>sub</c>).</summary>
public static class Policies
{
    /// <summary>Services that deliver security-system events: the realguard-api client role <c>notifications:send</c>.</summary>
    public const string SendNotifications = nameof(SendNotifications);

    /// <summary>Every endpoint needs a valid access token unless it says otherwise (health, OpenAPI).</summary>
    public static AuthorizationBuilder AddPolicies(this AuthorizationBuilder authorization) => authorization
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(SendNotifications, policy => policy.RequireRole(ApiRoles.NotificationsSend));
}

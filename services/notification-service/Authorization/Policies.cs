using Microsoft.AspNetCore.Authorization;

namespace RealGuard.NotificationService.Authorization;

public static class Policies
{
    /// <summary>Services that deliver security-system events: the realguard-api client role <c>notifications:send</c>.</summary>
    public const string SendNotifications = "notifications:send";

    /// <summary>Every endpoint needs a valid access token unless it says otherwise (health, OpenAPI).</summary>
    public static AuthorizationBuilder AddNotificationPolicies(this AuthorizationBuilder authorization) => authorization
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(SendNotifications, policy => policy.RequireAuthenticatedUser().RequireRole(SendNotifications));
}

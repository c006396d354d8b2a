using Microsoft.AspNetCore.Authorization;

namespace RealGuard.CustomerService.Authorization;

/// <summary>The coarse, token-based checks; data-level decisions are <see cref="CustomerAccess"/>'s.</summary>
public static class Policies
{
    public const string RealGuardAdmin = nameof(RealGuardAdmin);
    public const string ReadLocationPeople = nameof(ReadLocationPeople);

    public static void Configure(AuthorizationOptions options)
    {
        // Every endpoint needs a valid access token unless it says otherwise (health, OpenAPI).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(RealGuardAdmin, policy => policy.RequireRole(TokenRoles.RealGuardAdmin));
        options.AddPolicy(ReadLocationPeople, policy => policy.RequireRole(TokenRoles.ReadLocationPeople, TokenRoles.RealGuardAdmin));
    }
}

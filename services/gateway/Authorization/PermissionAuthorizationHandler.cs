using Microsoft.AspNetCore.Authorization;
using RealGuard.ServiceDefaults;

namespace RealGuard.Gateway.Authorization;

/// <summary>The request must be covered by a permission that one of the caller's roles grants.</summary>
internal sealed class PermissionRequirement : IAuthorizationRequirement;

/// <summary>
/// The edge check of the Andela design: which permissions cover this method and path, and does a role in the token
/// grant one of them. A request no permission covers is not exposed (404); one the caller lacks is forbidden (403).
/// </summary>
internal sealed class PermissionAuthorizationHandler(PermissionMap permissions) : AuthorizationHandler<PermissionRequirement, HttpContext>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement, HttpContext request)
    {
        var required = permissions.PermissionsFor(request.Request.Method, request.Request.Path);
        if (required.Count == 0)
        {
            context.Fail(new UnexposedRoute(this));
            return Task.CompletedTask;
        }

        var roles = context.User.FindAll(KeycloakRolesClaimsTransformation.RoleClaimType).Select(claim => claim.Value).ToList();
        if (required.Any(permission => permissions.Grants(roles, permission)))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new MissingPermission(this, required));
        }

        return Task.CompletedTask;
    }
}

/// <summary>No permission covers the request: the gateway does not expose it.</summary>
internal sealed class UnexposedRoute(IAuthorizationHandler handler)
    : AuthorizationFailureReason(handler, "No permission covers this request.");

/// <summary>Permissions cover the request, but none is granted by the caller's roles.</summary>
internal sealed class MissingPermission(IAuthorizationHandler handler, IReadOnlyList<string> permissions)
    : AuthorizationFailureReason(handler, $"Requires one of: {string.Join(", ", permissions)}.")
{
    public IReadOnlyList<string> Permissions { get; } = permissions;
}

using RealGuard.IdentityProvider.Realms;
using RealGuard.IdentityProvider.Users;

namespace RealGuard.IdentityProvider.Endpoints;

/// <summary>
/// Keycloak's attack-detection admin API: a user's brute-force status, and clearing a lockout
/// (one user, or every user of the realm).
/// </summary>
public static class AdminAttackDetectionEndpoints
{
    public static IEndpointRouteBuilder MapAdminAttackDetectionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var attackDetection = endpoints.MapGroup("/admin/realms/{realm}/attack-detection/brute-force/users").DisableAntiforgery();
        attackDetection.MapGet("/{id}", StatusAsync);
        attackDetection.MapDelete("/{id}", ClearUserAsync);
        attackDetection.MapDelete("", ClearAllAsync);
        return endpoints;
    }

    private static async Task<IResult> StatusAsync(HttpContext http, string realm, string id, RealmCatalog realms, AdminAuthorization auth,
        UserDirectory users, BruteForceProtector bruteForce)
    {
        if (await AdminUsersEndpoints.Authorize(http, realm, realms, auth, AdminAuthorization.ViewUsers, AdminAuthorization.ManageUsers) is { } denied)
        {
            return denied;
        }
        var target = realms.Find(realm)!;
        if (await users.FindByIdAsync(target, id) is null)
        {
            return AdminUsersEndpoints.UserNotFound();
        }
        var status = bruteForce.Status(target, id);
        return Results.Json(new
        {
            numFailures = status.NumFailures,
            disabled = status.Disabled,
            lastIPFailure = status.LastIPFailure ?? "n/a",
            lastFailure = status.LastFailure,
        });
    }

    private static async Task<IResult> ClearUserAsync(HttpContext http, string realm, string id, RealmCatalog realms, AdminAuthorization auth,
        BruteForceProtector bruteForce)
    {
        if (await AdminUsersEndpoints.Authorize(http, realm, realms, auth, AdminAuthorization.ManageUsers) is { } denied)
        {
            return denied;
        }
        bruteForce.Clear(realms.Find(realm)!, id);
        return Results.NoContent();
    }

    private static async Task<IResult> ClearAllAsync(HttpContext http, string realm, RealmCatalog realms, AdminAuthorization auth,
        BruteForceProtector bruteForce)
    {
        if (await AdminUsersEndpoints.Authorize(http, realm, realms, auth, AdminAuthorization.ManageUsers) is { } denied)
        {
            return denied;
        }
        bruteForce.ClearAll(realms.Find(realm)!);
        return Results.NoContent();
    }
}

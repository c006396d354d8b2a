using System.Text.Json;
using RealGuard.IdentityProvider.Realms;
using RealGuard.IdentityProvider.Users;

namespace RealGuard.IdentityProvider.Endpoints;

/// <summary>
/// The subset of Keycloak's admin REST API that RealGuard uses to provision people:
/// create a user, find by username, read, set a password, read a realm role, add realm roles.
/// </summary>
public static class AdminUsersEndpoints
{
    public static IEndpointRouteBuilder MapAdminUsersEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin/realms/{realm}").DisableAntiforgery();
        admin.MapPost("/users", CreateUserAsync);
        admin.MapGet("/users", SearchUsersAsync);
        admin.MapGet("/users/{id}", GetUserAsync);
        admin.MapPut("/users/{id}/reset-password", ResetPasswordAsync);
        admin.MapGet("/users/{id}/role-mappings/realm", GetRealmRoleMappingsAsync);
        admin.MapPost("/users/{id}/role-mappings/realm", AddRealmRoleMappingsAsync);
        admin.MapGet("/roles/{roleName}", GetRealmRoleAsync);
        return endpoints;
    }

    private static async Task<IResult> CreateUserAsync(HttpContext http, string realm, RealmCatalog realms, AdminAuthorization auth, UserDirectory users)
    {
        if (await Authorize(http, realm, realms, auth, AdminAuthorization.ManageUsers) is { } denied)
        {
            return denied;
        }
        var target = realms.Find(realm)!;
        var body = await ReadAsync<UserRepresentation>(http);
        if (body is null)
        {
            return BadRequest("Invalid JSON");
        }
        if (string.IsNullOrWhiteSpace(body.Username))
        {
            return Results.Json(new { field = "username", errorMessage = "error-user-attribute-required", @params = new[] { "username" } }, statusCode: 400);
        }
        if (await users.FindByUsernameAsync(target, body.Username) is not null)
        {
            return Results.Json(new { errorMessage = "User exists with same username" }, statusCode: StatusCodes.Status409Conflict);
        }
        if (!string.IsNullOrWhiteSpace(body.Email) && await users.FindByUsernameOrEmailAsync(target, body.Email) is { } sameEmail && sameEmail.Email == body.Email.Trim().ToLowerInvariant())
        {
            return Results.Json(new { errorMessage = "User exists with same email" }, statusCode: StatusCodes.Status409Conflict);
        }
        var password = body.Credentials?.FirstOrDefault(c => c.Type == "password" && !string.IsNullOrEmpty(c.Value))?.Value;
        var user = UserAccount.FromRepresentation(target.Name, body) with
        {
            // As in Keycloak, the id is the server's, and roles are assigned through role mappings, not on create.
            Id = Guid.NewGuid().ToString(),
            CreatedTimestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            Password = null,
            RealmRoles = [],
            ClientRoles = new Dictionary<string, IReadOnlyList<string>>(),
            ServiceAccountClientId = null,
        };
        if (password is not null)
        {
            // Keycloak's UsersResource.createUser: the user is not created, and the answer does not say which rule failed.
            if (target.PasswordPolicy.Validate(password, user.Username, user.Email, user) is not null)
            {
                return Results.Json(new { errorMessage = "Password policy not met" }, statusCode: StatusCodes.Status400BadRequest);
            }
            user = target.PasswordPolicy.WithPassword(user, password);
        }
        await users.SaveAsync(user);
        return Results.Created($"{http.Request.Scheme}://{http.Request.Host}/admin/realms/{target.Name}/users/{user.Id}", null);
    }

    private static async Task<IResult> SearchUsersAsync(HttpContext http, string realm, RealmCatalog realms, AdminAuthorization auth, UserDirectory users,
        string? username, bool? exact, int? first, int? max)
    {
        if (await Authorize(http, realm, realms, auth, AdminAuthorization.ViewUsers, AdminAuthorization.ManageUsers) is { } denied)
        {
            return denied;
        }
        var found = await users.SearchAsync(realms.Find(realm)!, username, exact ?? false);
        return Results.Json(found.Skip(Math.Max(first ?? 0, 0)).Take(Math.Clamp(max ?? 100, 0, 1000)).Select(Represent));
    }

    private static async Task<IResult> GetUserAsync(HttpContext http, string realm, string id, RealmCatalog realms, AdminAuthorization auth, UserDirectory users)
    {
        if (await Authorize(http, realm, realms, auth, AdminAuthorization.ViewUsers, AdminAuthorization.ManageUsers) is { } denied)
        {
            return denied;
        }
        return await users.FindByIdAsync(realms.Find(realm)!, id) is { } user ? Results.Json(Represent(user)) : UserNotFound();
    }

    private static async Task<IResult> ResetPasswordAsync(HttpContext http, string realm, string id, RealmCatalog realms, AdminAuthorization auth, UserDirectory users)
    {
        if (await Authorize(http, realm, realms, auth, AdminAuthorization.ManageUsers) is { } denied)
        {
            return denied;
        }
        var target = realms.Find(realm)!;
        var user = await users.FindByIdAsync(target, id);
        if (user is null)
        {
            return UserNotFound();
        }
        var credential = await ReadAsync<CredentialRepresentation>(http);
        if (credential is null || string.IsNullOrEmpty(credential.Value) || (credential.Type ?? "password") != "password")
        {
            return BadRequest("Invalid password: must be a password credential with a value");
        }
        // Keycloak's UserResource.resetPassword: the rule's message key and its text, as an OAuth-style error body.
        if (target.PasswordPolicy.Validate(credential.Value, user.Username, user.Email, user) is { } broken)
        {
            return Results.Json(new { error = broken.MessageKey, error_description = broken.Message }, statusCode: StatusCodes.Status400BadRequest);
        }
        await users.SaveAsync(target.PasswordPolicy.WithPassword(user, credential.Value));
        return Results.NoContent();
    }

    private static async Task<IResult> GetRealmRoleMappingsAsync(HttpContext http, string realm, string id, RealmCatalog realms, AdminAuthorization auth, UserDirectory users)
    {
        if (await Authorize(http, realm, realms, auth, AdminAuthorization.ViewUsers, AdminAuthorization.ManageUsers) is { } denied)
        {
            return denied;
        }
        var target = realms.Find(realm)!;
        var user = await users.FindByIdAsync(target, id);
        return user is null ? UserNotFound() : Results.Json(user.RealmRoles.Select(target.FindRealmRole).OfType<RoleRepresentation>().Select(r => RepresentRole(target, r)));
    }

    private static async Task<IResult> AddRealmRoleMappingsAsync(HttpContext http, string realm, string id, RealmCatalog realms, AdminAuthorization auth, UserDirectory users)
    {
        if (await Authorize(http, realm, realms, auth, AdminAuthorization.ManageUsers) is { } denied)
        {
            return denied;
        }
        var target = realms.Find(realm)!;
        var user = await users.FindByIdAsync(target, id);
        if (user is null)
        {
            return UserNotFound();
        }
        var roles = await ReadAsync<List<RoleRepresentation>>(http);
        if (roles is null)
        {
            return BadRequest("Invalid JSON");
        }
        var names = new List<string>();
        foreach (var role in roles)
        {
            var known = role.Name is not null ? target.FindRealmRole(role.Name) : null;
            if (known?.Name is null || (role.Id is not null && known.Id is not null && role.Id != known.Id))
            {
                return Results.Json(new { error = "Role not found" }, statusCode: StatusCodes.Status404NotFound);
            }
            names.Add(known.Name);
        }
        await users.SaveAsync(user with { RealmRoles = user.RealmRoles.Union(names).ToList() });
        return Results.NoContent();
    }

    private static async Task<IResult> GetRealmRoleAsync(HttpContext http, string realm, string roleName, RealmCatalog realms, AdminAuthorization auth)
    {
        // Roles belong to the realm, not to users: Keycloak asks for view-realm (or manage-realm) to read one.
        if (await Authorize(http, realm, realms, auth, AdminAuthorization.ViewRealm, AdminAuthorization.ManageRealm) is { } denied)
        {
            return denied;
        }
        var target = realms.Find(realm)!;
        return target.FindRealmRole(roleName) is { } role
            ? Results.Json(RepresentRole(target, role))
            : Results.Json(new { error = "Could not find role" }, statusCode: StatusCodes.Status404NotFound);
    }

    internal static async Task<IResult?> Authorize(HttpContext http, string realm, RealmCatalog realms, AdminAuthorization auth, params string[] roles) =>
        realms.Find(realm) is { } target ? await auth.CheckAsync(http, target, roles) : Results.Json(new { error = "Realm not found." }, statusCode: 404);

    private static async Task<T?> ReadAsync<T>(HttpContext http) where T : class
    {
        if (http.Request.HasJsonContentType() is false)
        {
            return null;
        }
        try
        {
            return await http.Request.ReadFromJsonAsync<T>(JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static object Represent(UserAccount user) => new
    {
        id = user.Id,
        username = user.Username,
        firstName = user.FirstName,
        lastName = user.LastName,
        email = user.Email,
        emailVerified = user.EmailVerified,
        createdTimestamp = user.CreatedTimestamp,
        enabled = user.Enabled,
        totp = false,
        disableableCredentialTypes = Array.Empty<string>(),
        requiredActions = Array.Empty<string>(),
        notBefore = 0,
    };

    private static object RepresentRole(Realm realm, RoleRepresentation role) => new
    {
        id = role.Id ?? role.Name,
        name = role.Name,
        description = role.Description,
        composite = role.Composite ?? false,
        clientRole = false,
        containerId = realm.Representation.Id ?? realm.Name,
    };

    internal static IResult UserNotFound() => Results.Json(new { error = "User not found" }, statusCode: StatusCodes.Status404NotFound);

    private static IResult BadRequest(string message) => Results.Json(new { error = message }, statusCode: StatusCodes.Status400BadRequest);
}

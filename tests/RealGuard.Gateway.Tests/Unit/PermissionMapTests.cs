using RealGuard.Gateway.Authorization;

namespace RealGuard.Gateway.Tests.Unit;

public sealed class PermissionMapTests
{
    private static readonly PermissionMap Map = PermissionMap.Create(new PermissionOptions
    {
        Permissions =
        [
            Permission("systems:read", ("GET", "/securitysystems"), ("GET", "/securitysystems/{id}")),
            Permission("systems:operate", ("PUT", "/securitysystems/{id}")),
            Permission("alarms:raise", ("POST", "/securitysystems/{id}/alarms")),
            Permission("files:read", ("GET", "/files/{**path}")),
        ],
        RolePermissions =
        [
            Grant("EMPLOYEE", "systems:read", "systems:operate"),
            Grant("alarms:raise", "alarms:raise"),
            Grant("READER", "files:read"),
        ],
    });

    [Theory]
    [InlineData("GET", "/securitysystems", "systems:read")]
    [InlineData("GET", "/securitysystems/c0000000-0000-0000-0000-000000000001", "systems:read")]
    [InlineData("PUT", "/securitysystems/abc", "systems:operate")]
    [InlineData("POST", "/securitysystems/abc/alarms", "alarms:raise")]
    [InlineData("get", "/SecuritySystems/abc/", "systems:read")]
    [InlineData("GET", "/files", "files:read")]
    [InlineData("GET", "/files/a/b/c", "files:read")]
    public void A_request_is_covered_by_the_permission_whose_route_it_matches(string method, string path, string permission) =>
        Assert.Equal([permission], Map.PermissionsFor(method, path));

    [Theory]
    [InlineData("DELETE", "/securitysystems/abc")]
    [InlineData("POST", "/securitysystems/abc")]
    [InlineData("GET", "/securitysystems/abc/audit")]
    [InlineData("GET", "/securitysystemsx")]
    [InlineData("GET", "/customers")]
    public void A_request_no_route_matches_is_covered_by_no_permission(string method, string path) =>
        Assert.Empty(Map.PermissionsFor(method, path));

    [Fact]
    public void A_role_grants_only_the_permissions_listed_for_it()
    {
        Assert.True(Map.Grants(["EMPLOYEE"], "systems:operate"));
        Assert.False(Map.Grants(["EMPLOYEE"], "alarms:raise"));
        Assert.True(Map.Grants(["offline_access", "alarms:raise"], "alarms:raise"));
        Assert.False(Map.Grants([], "systems:read"));
        Assert.False(Map.Grants(["employee"], "systems:read"));
    }

    [Fact]
    public void Every_mistake_in_the_table_is_named_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PermissionMap.Create(new PermissionOptions
        {
            Permissions =
            [
                Permission("a", ("GET", "/things/{id:guid}")),
                Permission("b", ("", "/things")),
                Permission("c", ("GET", "things")),
                Permission("d", ("GET", "/things/{id?}")),
                Permission("e"),
            ],
            RolePermissions = [Grant("ROLE", "a", "undefined")],
        }));

        Assert.Contains("'a', route 'GET /things/{id:guid}'", error.Message);
        Assert.Contains("'b'", error.Message);
        Assert.Contains("'c', route 'GET things': the path must start with '/'", error.Message);
        Assert.Contains("'d'", error.Message);
        Assert.Contains("Permission 'e' covers no route", error.Message);
        Assert.Contains("Role 'ROLE' grants 'undefined', which is not a defined permission", error.Message);
    }

    private static PermissionDefinition Permission(string name, params (string Method, string Path)[] routes) => new()
    {
        Name = name,
        Routes = [.. routes.Select(route => new PermissionRoute { Method = route.Method, Path = route.Path })],
    };

    private static RolePermissions Grant(string role, params string[] permissions) => new() { Role = role, Permissions = [.. permissions] };
}

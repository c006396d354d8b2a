namespace RealGuard.Gateway.Authorization;

/// <summary>
/// The edge permission table (configuration section <c>Gateway</c>): named permissions, each covering routes, and the
/// roles that grant them. Lists rather than maps because permission and role names contain ':', which .NET
/// configuration reads as a path separator.
/// </summary>
internal sealed class PermissionOptions
{
    public const string SectionName = "Gateway";

    public List<PermissionDefinition> Permissions { get; set; } = [];

    public List<RolePermissions> RolePermissions { get; set; } = [];
}

/// <summary>A permission and the requests it allows.</summary>
internal sealed class PermissionDefinition
{
    public string Name { get; set; } = "";

    public List<PermissionRoute> Routes { get; set; } = [];
}

/// <summary>An HTTP method and an ASP.NET Core route template, e.g. <c>GET /securitysystems/{id}</c>.</summary>
internal sealed class PermissionRoute
{
    public string Method { get; set; } = "";

    public string Path { get; set; } = "";

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>The permissions a role in the token (realm role, or realguard-api client role) grants.</summary>
internal sealed class RolePermissions
{
    public string Role { get; set; } = "";

    public List<string> Permissions { get; set; } = [];
}

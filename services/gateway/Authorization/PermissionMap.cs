using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace RealGuard.Gateway.Authorization;

/// <summary>
/// The permission table, compiled: which permissions cover a request (method and path), and which a set of roles
/// grants. Paths are matched with ASP.NET Core route templates, as the services match them: literal segments
/// case-insensitively, <c>{id}</c> one segment, <c>{**rest}</c> the rest of the path (or nothing).
/// </summary>
internal sealed class PermissionMap
{
    private readonly List<(string Method, TemplateMatcher Matcher, string Permission)> routes;
    private readonly Dictionary<string, HashSet<string>> permissionsByRole;

    private PermissionMap(List<(string, TemplateMatcher, string)> routes, Dictionary<string, HashSet<string>> permissionsByRole)
    {
        this.routes = routes;
        this.permissionsByRole = permissionsByRole;
    }

    /// <summary>Compiles the table; throws <see cref="InvalidOperationException"/> naming every mistake in it.</summary>
    public static PermissionMap Create(PermissionOptions options)
    {
        var errors = new List<string>();
        var routes = new List<(string, TemplateMatcher, string)>();
        var defined = new HashSet<string>(StringComparer.Ordinal);

        foreach (var permission in options.Permissions)
        {
            if (string.IsNullOrWhiteSpace(permission.Name) || !defined.Add(permission.Name))
            {
                errors.Add($"Permission '{permission.Name}' is unnamed or defined twice.");
                continue;
            }

            if (permission.Routes.Count == 0)
            {
                errors.Add($"Permission '{permission.Name}' covers no route.");
            }

            foreach (var route in permission.Routes)
            {
                if (Compile(route, out var error) is { } matcher)
                {
                    routes.Add((route.Method.Trim().ToUpperInvariant(), matcher, permission.Name));
                }
                else
                {
                    errors.Add($"Permission '{permission.Name}', route '{route}': {error}");
                }
            }
        }

        var permissionsByRole = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var grant in options.RolePermissions)
        {
            if (string.IsNullOrWhiteSpace(grant.Role))
            {
                errors.Add("A role grant has no role.");
                continue;
            }

            foreach (var permission in grant.Permissions.Where(permission => !defined.Contains(permission)))
            {
                errors.Add($"Role '{grant.Role}' grants '{permission}', which is not a defined permission.");
            }

            if (!permissionsByRole.TryGetValue(grant.Role, out var granted))
            {
                permissionsByRole[grant.Role] = granted = new HashSet<string>(StringComparer.Ordinal);
            }

            granted.UnionWith(grant.Permissions);
        }

        return errors.Count == 0
            ? new PermissionMap(routes, permissionsByRole)
            : throw new InvalidOperationException("The gateway's permission table (section 'Gateway') is invalid:\n  " + string.Join("\n  ", errors));
    }

    /// <summary>The permissions any one of which allows the request; empty when the gateway does not expose it.</summary>
    public IReadOnlyList<string> PermissionsFor(string method, PathString path)
    {
        var matching = new List<string>();
        var values = new RouteValueDictionary();
        foreach (var (routeMethod, matcher, permission) in routes)
        {
            if (!string.Equals(routeMethod, method, StringComparison.OrdinalIgnoreCase) || matching.Contains(permission))
            {
                continue;
            }

            values.Clear();
            if (matcher.TryMatch(path, values))
            {
                matching.Add(permission);
            }
        }

        return matching;
    }

    /// <summary>Whether any of <paramref name="roles"/> grants <paramref name="permission"/>.</summary>
    public bool Grants(IEnumerable<string> roles, string permission) =>
        roles.Any(role => permissionsByRole.TryGetValue(role, out var granted) && granted.Contains(permission));

    private static TemplateMatcher? Compile(PermissionRoute route, out string error)
    {
        error = "";
        if (string.IsNullOrWhiteSpace(route.Method) || !route.Method.Trim().All(char.IsAsciiLetter))
        {
            error = "the method must be an HTTP method such as GET.";
            return null;
        }

        if (!route.Path.StartsWith('/'))
        {
            error = "the path must start with '/'.";
            return null;
        }

        RoutePattern pattern;
        try
        {
            pattern = RoutePatternFactory.Parse(route.Path);
        }
        catch (RoutePatternException e)
        {
            error = e.Message;
            return null;
        }

        // The matcher compares structure only: a constraint would look enforced and not be. The services validate ids.
        if (pattern.ParameterPolicies.Count > 0 || pattern.Parameters.Any(parameter => parameter.Default is not null || parameter.IsOptional))
        {
            error = "constraints, defaults and optional parameters are not supported; use plain {name} or {**rest}.";
            return null;
        }

        return new TemplateMatcher(TemplateParser.Parse(route.Path), new RouteValueDictionary());
    }
}

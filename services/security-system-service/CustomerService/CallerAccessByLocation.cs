using RealGuard.SecuritySystemService.Domain;

namespace RealGuard.SecuritySystemService.CustomerService;

/// <summary>The caller at every location where they hold a role (elsewhere: none).</summary>
public sealed class CallerAccessByLocation(bool isAdministrator, IReadOnlyDictionary<Guid, IReadOnlySet<string>> rolesByLocation)
{
    public bool IsAdministrator { get; } = isAdministrator;

    /// <summary>The locations whose security system the caller may view by role.</summary>
    public IReadOnlyList<Guid> ViewableLocations { get; } =
        [.. rolesByLocation.Where(location => LocationRoles.PermitView(location.Value)).Select(location => location.Key)];

    public CallerAccess At(Guid locationId)
        => new(IsAdministrator, rolesByLocation.GetValueOrDefault(locationId) ?? CallerAccess.NoRoles);
}

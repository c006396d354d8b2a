using RealGuard.Web.Authentication;

namespace RealGuard.Web.Clients;

/// <summary>security-system-service: the systems the user may see, their actions and audit trail.</summary>
public class SecuritySystemsClient(HttpClient http, CurrentUserSession session) : ServiceClient(http, session)
{
    public virtual async Task<IReadOnlyList<SecuritySystem>> ListAsync(CancellationToken cancellationToken = default)
        => (await GetAsync<SecuritySystemList>("/securitysystems", cancellationToken)).SecuritySystems;

    public virtual Task<SecuritySystem> GetAsync(Guid id, CancellationToken cancellationToken = default)
        => GetAsync<SecuritySystem>($"/securitysystems/{id}", cancellationToken);

    public virtual Task<SecuritySystem> ActAsync(Guid id, string action, CancellationToken cancellationToken = default)
        => SendAsync<SecuritySystem>(HttpMethod.Put, $"/securitysystems/{id}", new { action }, cancellationToken);

    public virtual async Task<IReadOnlyList<AuditEntry>> AuditAsync(Guid id, CancellationToken cancellationToken = default)
        => (await GetAsync<AuditTrail>($"/securitysystems/{id}/audit", cancellationToken)).Entries;

    public virtual Task<SecuritySystem> CreateAsync(Guid locationId, CancellationToken cancellationToken = default)
        => SendAsync<SecuritySystem>(HttpMethod.Post, "/securitysystems", new { locationId }, cancellationToken);
}

public sealed record SecuritySystem(Guid Id, Guid LocationId, string? LocationName, string State, IReadOnlyList<string> Actions, long Version);

public sealed record SecuritySystemList(IReadOnlyList<SecuritySystem> SecuritySystems);

public sealed record AuditEntry(DateTimeOffset At, string? UserId, string? UserName, string Action, string? From, string? To);

public sealed record AuditTrail(IReadOnlyList<AuditEntry> Entries);

public static class SecuritySystemActions
{
    public const string Arm = "ARM";
    public const string Disarm = "DISARM";
    public const string Acknowledge = "ACKNOWLEDGE";

    public static readonly IReadOnlyList<string> All = [Arm, Disarm, Acknowledge];
}

using RealGuard.SecuritySystemService.Domain;

namespace RealGuard.SecuritySystemService.Endpoints;

// The JSON of docs/api.md, "security-system-service".

public sealed record SecuritySystemResponse(
    Guid Id, Guid LocationId, string LocationName, string State, IReadOnlyList<string> Actions, long Version)
{
    public static SecuritySystemResponse From(SecuritySystem system, IReadOnlyList<SecuritySystemAction> actions) => new(
        system.Id, system.LocationId, system.LocationName, system.State.ToWireName(), [.. actions.Select(action => action.ToWireName())],
        system.Version);
}

public sealed record SecuritySystemListResponse(IReadOnlyList<SecuritySystemResponse> SecuritySystems);

public sealed record AuditResponse(IReadOnlyList<AuditEntryResponse> Entries);

public sealed record AuditEntryResponse(DateTimeOffset At, string UserId, string? UserName, string Action, string From, string To)
{
    public static AuditEntryResponse Of(AuditEntry entry)
        => new(entry.At, entry.UserId, entry.UserName, entry.Action, entry.From.ToWireName(), entry.To.ToWireName());
}

/// <summary><c>PUT /securitysystems/{id}</c>; read by <see cref="JsonRequestBody"/>, declared for OpenAPI.</summary>
public sealed record SecuritySystemActionRequest(string Action);

/// <summary><c>POST /securitysystems</c>; read by <see cref="JsonRequestBody"/>, declared for OpenAPI.</summary>
public sealed record CreateSecuritySystemRequest(Guid LocationId);

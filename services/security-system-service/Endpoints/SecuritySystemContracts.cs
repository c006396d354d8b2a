using System.ComponentModel.DataAnnotations;
using RealGuard.SecuritySystemService.Domain;
using RealGuard.ServiceDefaults.Validation;

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

// Requests: strings, so that a bad value is named with its field; validated before the handler runs.

/// <summary><c>PUT /securitysystems/{id}</c>: ARM, DISARM or ACKNOWLEDGE, exactly as the contract spells them.</summary>
public sealed record SecuritySystemActionRequest(
    [Required(ErrorMessage = ValidationMessages.Required), ActionName] string? Action)
{
    public SecuritySystemAction ToAction() =>
        WireNames.TryParseAction(Action, out var action) ? action.Value : throw new InvalidOperationException("Not validated.");
}

/// <summary><c>POST /securitysystems</c>.</summary>
public sealed record CreateSecuritySystemRequest(
    [Required(ErrorMessage = ValidationMessages.Required), Guid] string? LocationId)
{
    public Guid ToLocationId() => Guid.Parse(LocationId!.Trim());
}

/// <summary>One of <see cref="WireNames.ActionNames"/>.</summary>
public sealed class ActionNameAttribute() : OneOfAttribute([.. WireNames.ActionNames])
{
    protected override string MessageFor(string value) =>
        $"Unknown action {Shown(value)}. Use one of: {string.Join(", ", Allowed)}.";
}

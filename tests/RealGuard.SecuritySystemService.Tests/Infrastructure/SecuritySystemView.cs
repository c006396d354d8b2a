namespace RealGuard.SecuritySystemService.Tests.Infrastructure;

// What a client reads from security-system-service (docs/api.md), as plain JSON shapes.

public sealed record SecuritySystemView(Guid Id, Guid LocationId, string LocationName, string State, IReadOnlyList<string> Actions, long Version);

public sealed record SecuritySystemListView(IReadOnlyList<SecuritySystemView> SecuritySystems);

public sealed record AuditView(IReadOnlyList<AuditEntryView> Entries);

public sealed record AuditEntryView(DateTimeOffset At, string UserId, string? UserName, string Action, string From, string To);

using System.Globalization;
using System.Text.Json;
using RealGuard.NotificationService.Data;
using RealGuard.NotificationService.Domain;

namespace RealGuard.NotificationService.Apis;

/// <summary>
/// The SecuritySystemEvent of docs/api.md as it arrives. Every field is read as a string so that a bad value is
/// reported under its own name rather than as an unreadable body.
/// </summary>
public sealed record SecuritySystemEventRequest(
    string? EventId,
    string? SecuritySystemId,
    string? LocationId,
    string? LocationName,
    string? Action,
    string? From,
    string? To,
    string? ActorUserId,
    string? ActorName,
    string? OccurredAt)
{
    /// <summary>The event, or the invalid fields (camelCase, as in the JSON) with what is wrong with each.</summary>
    public (SecuritySystemEvent? Event, Dictionary<string, string[]> Errors) Validate()
    {
        var errors = new Dictionary<string, string[]>();
        var eventId = RequireId(nameof(EventId), EventId, errors);
        var securitySystemId = RequireId(nameof(SecuritySystemId), SecuritySystemId, errors);
        var locationId = RequireId(nameof(LocationId), LocationId, errors);
        RequireText(nameof(LocationName), LocationName, NotificationDbContext.NameLength, errors);
        RequireOneOf(nameof(Action), Action, WireNames.Actions, errors);
        RequireOneOf(nameof(From), From, WireNames.States, errors);
        RequireOneOf(nameof(To), To, WireNames.States, errors);
        RequireText(nameof(ActorUserId), ActorUserId, NotificationDbContext.UserIdLength, errors);
        if (ActorName is { Length: > NotificationDbContext.NameLength })
        {
            errors[Json(nameof(ActorName))] = [$"At most {NotificationDbContext.NameLength} characters."];
        }

        var occurredAt = RequireTime(nameof(OccurredAt), OccurredAt, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new SecuritySystemEvent
        {
            EventId = eventId,
            SecuritySystemId = securitySystemId,
            LocationId = locationId,
            LocationName = LocationName!.Trim(),
            Action = Action!,
            From = From!,
            To = To!,
            ActorUserId = ActorUserId!,
            ActorName = string.IsNullOrWhiteSpace(ActorName) ? null : ActorName.Trim(),
            OccurredAt = occurredAt,
        }, errors);
    }

    private static Guid RequireId(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (Guid.TryParse(value, out var id) && id != Guid.Empty)
        {
            return id;
        }

        errors[Json(name)] = [value is null ? "Required." : "Must be a non-empty GUID."];
        return Guid.Empty;
    }

    private static void RequireText(string name, string? value, int maxLength, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[Json(name)] = ["Required."];
        }
        else if (value.Length > maxLength)
        {
            errors[Json(name)] = [$"At most {maxLength} characters."];
        }
    }

    private static void RequireOneOf(string name, string? value, IReadOnlyList<string> allowed, Dictionary<string, string[]> errors)
    {
        if (value is null || !allowed.Contains(value))
        {
            errors[Json(name)] = [$"Must be one of {string.Join(", ", allowed)}."];
        }
    }

    private static DateTime RequireTime(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.UtcDateTime;
        }

        errors[Json(name)] = [value is null ? "Required." : "Must be an ISO 8601 time, e.g. 2026-11-22T13:45:00Z."];
        return default;
    }

    private static string Json(string propertyName) => JsonNamingPolicy.CamelCase.ConvertName(propertyName);
}

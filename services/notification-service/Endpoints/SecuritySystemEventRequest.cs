using System.ComponentModel.DataAnnotations;
using System.Globalization;
using RealGuard.NotificationService.Data;
using RealGuard.NotificationService.Domain;
using RealGuard.ServiceDefaults.Validation;

namespace RealGuard.NotificationService.Endpoints;

/// <summary>
/// The SecuritySystemEvent of docs/api.md as it arrives, validated before the handler runs. Every field is a string so
/// that a bad value is reported under its own name, with the other bad fields, rather than as an unreadable body.
/// Across fields: <c>from</c> → <c>to</c> must be a transition <c>action</c> makes.
/// </summary>
public sealed record SecuritySystemEventRequest(
    [Required(ErrorMessage = ValidationMessages.Required), Guid(NonEmpty = true, ErrorMessage = ValidationMessages.NonEmptyGuid)] string? EventId,
    [Required(ErrorMessage = ValidationMessages.Required), Guid(NonEmpty = true, ErrorMessage = ValidationMessages.NonEmptyGuid)] string? SecuritySystemId,
    [Required(ErrorMessage = ValidationMessages.Required), Guid(NonEmpty = true, ErrorMessage = ValidationMessages.NonEmptyGuid)] string? LocationId,
    [Required(ErrorMessage = ValidationMessages.Required), Text(NotificationDbContext.NameLength)] string? LocationName,
    [Required(ErrorMessage = ValidationMessages.Required), OneOf(WireNames.Arm, WireNames.Disarm, WireNames.Acknowledge, WireNames.Alarm)] string? Action,
    [Required(ErrorMessage = ValidationMessages.Required), OneOf(WireNames.Disarmed, WireNames.Armed, WireNames.Alarmed)] string? From,
    [Required(ErrorMessage = ValidationMessages.Required), OneOf(WireNames.Disarmed, WireNames.Armed, WireNames.Alarmed)] string? To,
    [Required(ErrorMessage = ValidationMessages.Required), MaxLength(NotificationDbContext.UserIdLength, ErrorMessage = ValidationMessages.MaxLength)] string? ActorUserId,
    [Text(NotificationDbContext.NameLength)] string? ActorName,
    [Required(ErrorMessage = ValidationMessages.Required), IsoTime] string? OccurredAt) : IValidatableObject
{
    // The transitions of security-system-service's state machine, and the alarm a device raises.
    private static readonly (string Action, string From, string To)[] Transitions =
    [
        (WireNames.Arm, WireNames.Disarmed, WireNames.Armed),
        (WireNames.Disarm, WireNames.Armed, WireNames.Disarmed),
        (WireNames.Disarm, WireNames.Alarmed, WireNames.Disarmed),
        (WireNames.Acknowledge, WireNames.Alarmed, WireNames.Disarmed),
        (WireNames.Alarm, WireNames.Armed, WireNames.Alarmed),
    ];

    /// <summary>Runs once every field is valid on its own.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Transitions.Contains((Action!, From!, To!)))
        {
            yield return new ValidationResult($"{Action} does not take a security system from {From} to {To}.", [nameof(From), nameof(To)]);
        }
    }

    /// <summary>The event to store; call only on a validated request.</summary>
    public SecuritySystemEvent ToEvent() => new()
    {
        EventId = Guid.Parse(EventId!),
        SecuritySystemId = Guid.Parse(SecuritySystemId!),
        LocationId = Guid.Parse(LocationId!),
        LocationName = LocationName!.Trim(),
        Action = Action!,
        From = From!,
        To = To!,
        ActorUserId = ActorUserId!,
        ActorName = string.IsNullOrWhiteSpace(ActorName) ? null : ActorName.Trim(),
        OccurredAt = IsoTimeAttribute.Parse(OccurredAt!).UtcDateTime,
    };
}

/// <summary>An ISO 8601 time such as 2026-11-22T13:45:00Z (UTC when no offset is given). Null passes.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IsoTimeAttribute() : ValidationAttribute("Must be an ISO 8601 time, e.g. 2026-11-22T13:45:00Z.")
{
    public override bool IsValid(object? value) =>
        value is not string text || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

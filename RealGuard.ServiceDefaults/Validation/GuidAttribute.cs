using System.ComponentModel.DataAnnotations;

namespace RealGuard.ServiceDefaults.Validation;

/// <summary>
/// An id sent as a JSON string that must read as a GUID (surrounding spaces allowed). Ids stay strings in request
/// records so that a bad one is reported with the other fields, not as an unreadable body. Null passes.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class GuidAttribute : ValidationAttribute
{
    public GuidAttribute() : base("Not a valid id (a GUID, such as \"b0000000-0000-0000-0000-000000000001\").")
    {
    }

    /// <summary>Whether <see cref="Guid.Empty"/> is refused too.</summary>
    public bool NonEmpty { get; init; }

    public override bool IsValid(object? value) =>
        value is not string text || (Guid.TryParse(text.Trim(), out var id) && (!NonEmpty || id != Guid.Empty));
}

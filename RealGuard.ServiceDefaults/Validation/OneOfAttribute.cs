using System.ComponentModel.DataAnnotations;

namespace RealGuard.ServiceDefaults.Validation;

/// <summary>A string that must be one of <see cref="Allowed"/>, case-sensitively; the message lists them. Null passes.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public class OneOfAttribute(params string[] allowed) : ValidationAttribute
{
    public IReadOnlyList<string> Allowed { get; } = allowed;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || Allowed.Contains(text.Trim(), StringComparer.Ordinal))
        {
            return ValidationResult.Success;
        }
        return new ValidationResult(MessageFor(text.Trim()));
    }

    /// <summary>Names the value when it is short and printable, so the caller sees what was refused.</summary>
    protected virtual string MessageFor(string value) =>
        $"{Shown(value)} is not one of {string.Join(", ", Allowed)}.";

    protected static string Shown(string value) =>
        value.Length is 0 or > 64 || TextAttribute.Problem(value, 64) is not null ? "This value" : $"'{value}'";
}

using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace RealGuard.ServiceDefaults.Validation;

/// <summary>
/// A name or short text as people read it: at most <see cref="MaxLength"/> characters once trimmed, no control
/// characters, no bidirectional overrides or isolates (which make "evil.exe" display as "exe.live"), and not made of
/// invisible characters only. Null passes (combine with <see cref="RequiredAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class TextAttribute(int maxLength) : ValidationAttribute
{
    public int MaxLength { get; } = maxLength;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text)
        {
            return ValidationResult.Success;
        }
        var trimmed = text.Trim();
        return Problem(trimmed, MaxLength) is { } message ? new ValidationResult(message) : ValidationResult.Success;
    }

    /// <summary>What is wrong with <paramref name="text"/>, or null.</summary>
    public static string? Problem(string text, int maxLength) =>
        text.Length > maxLength ? $"At most {maxLength} characters."
        : text.Any(char.IsControl) ? "Must not contain control characters."
        : text.Any(IsBidirectionalControl) ? "Must not contain bidirectional override or isolate characters."
        : text.Length > 0 && text.All(c => char.IsWhiteSpace(c) || IsInvisible(c)) ? "Must contain visible characters."
        : null;

    // U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates), U+200E/U+200F and U+061C (marks).
    private static bool IsBidirectionalControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    // Zero-width spaces and joiners, the word joiner, the byte-order mark and other format characters draw nothing.
    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u180E' or '\u3164' or '\u115F' or '\u1160'
        || char.GetUnicodeCategory(c) == UnicodeCategory.Format;
}

using System.Net.Mail;
using System.Text.RegularExpressions;
using RealGuard.CustomerService.Domain;

namespace RealGuard.CustomerService.Api;

/// <summary>Checks request fields one by one, collecting a message per invalid field (RFC 9457 <c>errors</c>).</summary>
public sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(error => error.Key, error => error.Value.ToArray(), StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }
        messages.Add(message);
    }

    /// <returns>The trimmed text, or null (and an error) when it is missing, too long or holds control characters.</returns>
    public string? RequiredText(string field, string? value, int maxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Add(field, "Required.");
            return null;
        }
        if (text.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
            return null;
        }
        if (text.Any(char.IsControl))
        {
            Add(field, "Must not contain control characters.");
            return null;
        }
        return text;
    }

    /// <returns>The address in lower case (as the IAM keeps usernames and e-mails), or null and an error.</returns>
    public string? RequiredEmail(string field, string? value)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            Add(field, "Required.");
            return null;
        }
        if (!IsEmailAddress(email))
        {
            Add(field, "Not a valid e-mail address.");
            return null;
        }
        return email.ToLowerInvariant();
    }

    /// <returns>The trimmed number, null when absent; null and an error when invalid.</returns>
    public string? OptionalPhone(string field, string? value)
    {
        var phone = value?.Trim();
        if (string.IsNullOrEmpty(phone))
        {
            return null;
        }
        if (phone.Length > FieldLimits.PhoneLength || !PhonePattern().IsMatch(phone) || phone.Count(char.IsAsciiDigit) < 3)
        {
            Add(field, "Not a valid phone number: digits, spaces and + ( ) - . only, with at least 3 digits.");
            return null;
        }
        return phone;
    }

    public Guid? RequiredId(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
            return null;
        }
        if (!Guid.TryParse(value.Trim(), out var id))
        {
            Add(field, "Not a valid id (a GUID).");
            return null;
        }
        return id;
    }

    /// <returns>The role name when it is one of <paramref name="allowed"/>; otherwise null and an error naming the roles.</returns>
    public string? RequiredRole(string field, string? value, IReadOnlyList<string> allowed, string where)
    {
        var role = value?.Trim();
        if (string.IsNullOrEmpty(role))
        {
            Add(field, "Required.");
            return null;
        }
        if (!allowed.Contains(role, StringComparer.Ordinal))
        {
            var shown = role.Length > FieldLimits.RoleNameLength || role.Any(char.IsControl) ? "This role" : $"'{role}'";
            Add(field, $"{shown} is not a role {where}. Roles: {string.Join(", ", allowed)}.");
            return null;
        }
        return role;
    }

    private static bool IsEmailAddress(string email) =>
        email.Length <= FieldLimits.EmailLength
        && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '<' or '>' or '(' or ')' or ',' or ';' or ':' or '\\')
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.User.Length is > 0 and <= 64
        && address.Host.Contains('.')
        && !address.Host.StartsWith('.') && !address.Host.EndsWith('.') && !address.Host.Contains("..");

    [GeneratedRegex(@"^\+?[0-9 ()\-.]+$")]
    private static partial Regex PhonePattern();
}

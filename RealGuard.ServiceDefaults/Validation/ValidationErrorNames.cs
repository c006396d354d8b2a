using System.Text.Json;
using System.Text.RegularExpressions;

namespace RealGuard.ServiceDefaults.Validation;

/// <summary>
/// Field names in validation errors as the JSON spells them: <c>InitialAdministrator.Email</c> becomes
/// <c>initialAdministrator.email</c>. Only C# member names change; other names (a header such as <c>If-Match</c>, the
/// JSON paths the binding errors already use) stay as they are.
/// </summary>
public static partial class ValidationErrorNames
{
    public static void ToJsonNames(IDictionary<string, string[]> errors)
    {
        foreach (var name in errors.Keys.ToList())
        {
            var jsonName = ToJsonName(name);
            if (jsonName == name)
            {
                continue;
            }
            var messages = errors[name];
            errors.Remove(name);
            errors[jsonName] = errors.TryGetValue(jsonName, out var existing) ? [.. existing, .. messages] : messages;
        }
    }

    public static string ToJsonName(string name) => string.Join('.', name.Split('.').Select(segment =>
        MemberName().IsMatch(segment) ? JsonNamingPolicy.CamelCase.ConvertName(segment) : segment));

    // A C# member name, possibly indexed: Email, Items[0].
    [GeneratedRegex(@"^[A-Z][A-Za-z0-9_]*(\[\d+\])?$")]
    private static partial Regex MemberName();
}

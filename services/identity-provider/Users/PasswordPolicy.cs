using System.Globalization;
using System.Text.RegularExpressions;

namespace RealGuard.IdentityProvider.Users;

/// <summary>A password that breaks the realm's policy: Keycloak's message key and its English text (admin messages).</summary>
public sealed record PolicyError(string MessageKey, string Message);

/// <summary>
/// A realm's <c>passwordPolicy</c> in Keycloak's syntax (<c>length(12) and notUsername and notEmail and passwordHistory(3)</c>),
/// checked in the order written, with Keycloak's defaults for a policy given without its value. Policies about hashing or
/// expiry (<c>hashAlgorithm</c>, <c>hashIterations</c>, <c>forceExpiredPasswordChange</c>, ...) are accepted and ignored.
/// </summary>
public sealed class PasswordPolicy
{
    private readonly List<(string Name, string? Value)> rules;

    private PasswordPolicy(List<(string Name, string? Value)> rules) => this.rules = rules;

    public static PasswordPolicy None { get; } = new([]);

    /// <summary>How many passwords a user keeps besides the current one, for <c>passwordHistory</c>.</summary>
    public int HistoryToKeep => rules.Where(r => r.Name == "passwordHistory").Select(r => Number(r.Value, 3) - 1).DefaultIfEmpty(0).Max();

    public static PasswordPolicy Parse(string? policy)
    {
        if (string.IsNullOrWhiteSpace(policy))
        {
            return None;
        }
        var rules = new List<(string, string?)>();
        foreach (var part in policy.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var open = part.IndexOf('(');
            rules.Add(open > 0 && part.EndsWith(')')
                ? (part[..open].Trim(), part[(open + 1)..^1].Trim())
                : (part, null));
        }
        return new PasswordPolicy(rules);
    }

    /// <summary>The first rule the password breaks, or null.</summary>
    public PolicyError? Validate(string password, string? username, string? email, UserAccount? user)
    {
        foreach (var (name, value) in rules)
        {
            var error = name switch
            {
                "length" when password.Length < Number(value, 8) =>
                    Error("invalidPasswordMinLengthMessage", "Invalid password: minimum length {0}.", Number(value, 8)),
                "maxLength" when password.Length > Number(value, 64) =>
                    Error("invalidPasswordMaxLengthMessage", "Invalid password: maximum length {0}.", Number(value, 64)),
                "digits" when password.Count(char.IsDigit) < Number(value, 1) =>
                    Error("invalidPasswordMinDigitsMessage", "Invalid password: must contain at least {0} numerical digits.", Number(value, 1)),
                "lowerCase" when password.Count(char.IsLower) < Number(value, 1) =>
                    Error("invalidPasswordMinLowerCaseCharsMessage", "Invalid password: must contain at least {0} lower case characters.", Number(value, 1)),
                "upperCase" when password.Count(char.IsUpper) < Number(value, 1) =>
                    Error("invalidPasswordMinUpperCaseCharsMessage", "Invalid password: must contain at least {0} upper case characters.", Number(value, 1)),
                "specialChars" when password.Count(c => !char.IsLetterOrDigit(c)) < Number(value, 1) =>
                    Error("invalidPasswordMinSpecialCharsMessage", "Invalid password: must contain at least {0} special characters.", Number(value, 1)),
                "notUsername" when username is not null && string.Equals(password, username, StringComparison.OrdinalIgnoreCase) =>
                    Error("invalidPasswordNotUsernameMessage", "Invalid password: must not be equal to the username."),
                "notContainsUsername" when !string.IsNullOrEmpty(username) && password.Contains(username, StringComparison.OrdinalIgnoreCase) =>
                    Error("invalidPasswordNotContainsUsernameMessage", "Invalid password: Can not contain the username."),
                "notEmail" when email is not null && string.Equals(password, email, StringComparison.OrdinalIgnoreCase) =>
                    Error("invalidPasswordNotEmailMessage", "Invalid password: must not be equal to the email."),
                "regexPattern" when value is not null && !MatchesWholly(value, password) =>
                    Error("invalidPasswordRegexPatternMessage", "Invalid password: fails to match regex pattern(s)."),
                "passwordHistory" when user is not null && UsedRecently(user, password, Number(value, 3)) =>
                    Error("invalidPasswordHistoryMessage", "Invalid password: must not be equal to any of last {0} passwords.", Number(value, 3)),
                _ => null,
            };
            if (error is not null)
            {
                return error;
            }
        }
        return null;
    }

    /// <summary>The user with <paramref name="password"/> set: the old one moves into the history the policy keeps.</summary>
    public UserAccount WithPassword(UserAccount user, string password) => user with
    {
        Password = PasswordCredential.Create(password),
        PasswordHistory = user.Password is null
            ? user.PasswordHistory.Take(HistoryToKeep).ToList()
            : user.PasswordHistory.Prepend(user.Password).Take(HistoryToKeep).ToList(),
    };

    private static bool UsedRecently(UserAccount user, string password, int count) =>
        count > 0 && new[] { user.Password }.OfType<PasswordCredential>().Concat(user.PasswordHistory).Take(count).Any(old => old.Verify(password));

    private static bool MatchesWholly(string pattern, string password)
    {
        try
        {
            return Regex.IsMatch(password, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static int Number(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : fallback;

    private static PolicyError Error(string key, string format, params object[] args) =>
        new(key, string.Format(CultureInfo.InvariantCulture, format, args));
}

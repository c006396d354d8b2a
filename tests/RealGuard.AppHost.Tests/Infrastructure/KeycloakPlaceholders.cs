using System.Text.RegularExpressions;

namespace RealGuard.AppHost.Tests.Infrastructure;

/// <summary>
/// What Keycloak does to a realm file it imports at startup (AbstractFileBasedImportProvider.parseFile with
/// StringPropertyReplacer): <c>${NAME}</c> becomes the environment variable NAME, <c>${NAME:default}</c> falls back to
/// the default, and a placeholder it cannot resolve stays as it is (Keycloak's own <c>${role_...}</c> texts do).
/// </summary>
internal static partial class KeycloakPlaceholders
{
    public static string Resolve(string text, IReadOnlyDictionary<string, string> environment) =>
        Placeholder().Replace(text, match =>
            environment.TryGetValue(match.Groups["name"].Value, out var value) ? value
            : match.Groups["default"].Success ? match.Groups["default"].Value
            : match.Value);

    public static IReadOnlySet<string> Names(string text) =>
        Placeholder().Matches(text).Select(match => match.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\$\{(?<name>[^}:]+)(?::(?<default>[^}]*))?\}")]
    private static partial Regex Placeholder();
}

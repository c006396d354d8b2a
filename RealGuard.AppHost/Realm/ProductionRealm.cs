
namespace RealGuard.AppHost;

// Plain C#: compiled by the AppHost (which sets these variables on the deployed Keycloak) and by
// tests/RealGuard.AppHost.Tests (which generates deploy/keycloak/realguard-realm.json with these placeholders).

/// <summary>
/// The deployed realm is realm-export.json with its secrets and local origins replaced by <c>${VARIABLE}</c>
/// placeholders. Keycloak resolves them from its environment when it imports the realm at startup.
/// </summary>
public static class ProductionRealm
{
    private const string Prefix = "REALGUARD_";

    /// <summary>Parts whose local origin (<c>http://localhost:{port}</c>) the realm names in redirect URIs and web origins.</summary>
    public static IReadOnlyDictionary<string, int> PublicParts { get; } = new Dictionary<string, int>
    {
        [StackResources.Web] = StackPorts.Web,
        [StackResources.Gateway] = StackPorts.Gateway,
    };

    /// <summary><c>REALGUARD_CLIENT_SECRET_REALGUARD_WEB</c> for <c>realguard-web</c>.</summary>
    public static string ClientSecretVariable(string clientId) => $"{Prefix}CLIENT_SECRET_{ToVariableName(clientId)}";

    /// <summary><c>REALGUARD_WEB_URL</c> for <c>web</c>: the part's public origin, no trailing slash.</summary>
    public static string OriginVariable(string part) => $"{Prefix}{ToVariableName(part)}_URL";

    public static string LocalOrigin(int port) => $"http://localhost:{port}";

    public static string Placeholder(string variable) => "${" + variable + "}";

    /// <summary>Every variable the deployed Keycloak gets, so every placeholder of the realm resolves.</summary>
    public static IReadOnlyList<string> Variables { get; } =
    [
        .. RealmClients.Confidential.Select(ClientSecretVariable),
        .. PublicParts.Keys.Select(OriginVariable),
    ];

    public static bool IsRealGuardPlaceholder(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    private static string ToVariableName(string name) => name.ToUpperInvariant().Replace('-', '_');
}

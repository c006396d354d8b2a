namespace RealGuard.AppHost;

// Plain C#: compiled by the AppHost and by tests/RealGuard.AppHost.Tests, which checks it against realm-export.json.

/// <summary>The confidential clients of the realguard realm: each has a secret that deployment must supply.</summary>
public static class RealmClients
{
    public const string Web = "realguard-web";
    public const string Api = "realguard-api";
    public const string AcmeIntegration = "acme-integration";
    public const string CustomerService = "customer-service";
    public const string SecuritySystemService = "security-system-service";
    public const string NotificationService = "notification-service";
    public const string Device = "realguard-device";

    public static IReadOnlyList<string> Confidential { get; } =
        [Web, Api, AcmeIntegration, CustomerService, SecuritySystemService, NotificationService, Device];

    /// <summary>realm-export.json's convention (docs/realm.md): every client secret is <c>{clientId}-dev-secret</c>.</summary>
    public static string DevelopmentSecret(string clientId) => $"{clientId}-dev-secret";
}

namespace RealGuard.ServiceDefaults;

/// <summary>
/// The clients of the realguard realm (realm-export.json; docs/realm.md) that code names: for services, tests and the
/// AppHost alike.
/// </summary>
public static class RealmClients
{
    public const string Web = "realguard-web";
    public const string Mobile = "realguard-mobile";

    /// <summary>The audience of every access token the services accept; its client roles are <see cref="ApiRoles"/>.</summary>
    public const string Api = "realguard-api";

    public const string AcmeIntegration = "acme-integration";
    public const string CustomerService = "customer-service";
    public const string SecuritySystemService = "security-system-service";
    public const string NotificationService = "notification-service";
    public const string Device = "realguard-device";

    /// <summary>The confidential clients: each has a secret that deployment must supply.</summary>
    public static IReadOnlyList<string> Confidential { get; } =
        [Web, Api, AcmeIntegration, CustomerService, SecuritySystemService, NotificationService, Device];

    /// <summary>
    /// realm-export.json's development secret of a confidential client, <c>{clientId}-dev-secret</c>: for local runs
    /// and tests only; deployments supply their own (the production realm template holds none).
    /// </summary>
    public static string DevelopmentSecret(string clientId) => $"{clientId}-dev-secret";
}

namespace RealGuard.AppHost;

// The one list of RealGuard's parts, ports and configuration keys: the AppHost uses it to describe the system,
// and the tests (which reference this project) to find the parts in the running application.

/// <summary>Aspire resource names of the RealGuard parts.</summary>
public static class StackResources
{
    public const string Keycloak = "keycloak";
    public const string CustomerService = "customer-service";
    public const string SecuritySystemService = "security-system-service";
    public const string NotificationService = "notification-service";
    public const string Gateway = "gateway";
    public const string Web = "web";

    /// <summary>Every part, in the order a reader meets them.</summary>
    public static IReadOnlyList<string> Parts { get; } = [Keycloak, CustomerService, SecuritySystemService, NotificationService, Gateway, Web];

    /// <summary>The Keycloak realm every part authenticates against.</summary>
    public const string Realm = "realguard";
}

/// <summary>The ports of <c>dotnet run --project RealGuard.AppHost</c> (the contract in DESIGN.md); tests use free ones.</summary>
public static class StackPorts
{
    public const int Keycloak = 8080;
    public const int CustomerService = 5201;
    public const int SecuritySystemService = 5202;
    public const int NotificationService = 5203;
    public const int Web = 5080;
    public const int Gateway = 5100;
}

/// <summary>The database of each service (Aspire database resource names, <c>ConnectionStrings__{name}</c>).</summary>
public static class StackDatabases
{
    public const string Customer = "customerdb";
    public const string SecuritySystem = "securitysystemdb";
    public const string Notification = "notificationdb";
}

/// <summary>Environment variables the hosts set; <c>__</c> reads as <c>:</c> in .NET configuration.</summary>
public static class StackConfigKeys
{
    public const string AspNetCoreUrls = "ASPNETCORE_URLS";
    public const string AspNetCoreEnvironment = "ASPNETCORE_ENVIRONMENT";

    public const string OtelPrefix = "OTEL_";
    public const string OtelServiceName = "OTEL_SERVICE_NAME";
    public const string OtelExporterOtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string KeycloakAuthServerUrl = "Keycloak__AuthServerUrl";
    public const string KeycloakRealm = "Keycloak__Realm";
    public const string KeycloakClientId = "Keycloak__ClientId";
    public const string KeycloakClientSecret = "Keycloak__ClientSecret";

    public const string DemoDataEnabled = "DemoData__Enabled";

    public const string IdentityProviderImportPath = "IdentityProvider__ImportPath";
    public const string IdentityProviderDataPath = "IdentityProvider__DataPath";

    /// <summary>Aspire service discovery: the first http endpoint of a referenced resource.</summary>
    public static string ServiceHttpEndpoint(string resource) => $"services__{resource}__http__0";

    public static string ConnectionString(string name) => $"ConnectionStrings__{name}";
}

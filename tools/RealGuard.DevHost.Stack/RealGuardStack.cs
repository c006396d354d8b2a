using static RealGuard.DevHost.StackResources;

namespace RealGuard.DevHost;

/// <summary>RealGuard as local processes: the same resources, ports and configuration as the Aspire AppHost.</summary>
public static class RealGuardStack
{
    public const string RealmFile = "realm-export.json";

    public static StackDefinition Define() => new(
    [
        new StackPart(Keycloak, "services/identity-provider/RealGuard.IdentityProvider.csproj", StackPorts.Keycloak)
        {
            Description = "IAM (Keycloak-compatible development identity provider)",
            Environment = new Dictionary<string, Func<StackContext, string>>
            {
                [StackConfigKeys.IdentityProviderImportPath] = stack => stack.RealmImportPath,
                [StackConfigKeys.IdentityProviderDataPath] = stack => stack.DataFolder("identity-provider"),
            },
        },

        new StackPart(CustomerService, "services/customer-service/RealGuard.CustomerService.csproj", StackPorts.CustomerService)
        {
            Description = "customers, employees, locations, teams, roles",
            References = [Keycloak],
            Databases = [StackDatabases.Customer],
            Environment = ServiceAccount(CustomerService),
        },

        new StackPart(NotificationService, "services/notification-service/RealGuard.NotificationService.csproj", StackPorts.NotificationService)
        {
            Description = "notifications",
            References = [Keycloak, CustomerService],
            Databases = [StackDatabases.Notification],
            Environment = ServiceAccount(NotificationService),
        },

        new StackPart(SecuritySystemService, "services/security-system-service/RealGuard.SecuritySystemService.csproj", StackPorts.SecuritySystemService)
        {
            Description = "security systems",
            References = [Keycloak, CustomerService, NotificationService],
            Databases = [StackDatabases.SecuritySystem],
            Environment = ServiceAccount(SecuritySystemService),
        },

        new StackPart(Gateway, "services/gateway/RealGuard.Gateway.csproj", StackPorts.Gateway)
        {
            Description = "API gateway for API clients",
            References = [Keycloak, CustomerService, SecuritySystemService, NotificationService],
        },

        new StackPart(Web, "web/RealGuard.Web.csproj", StackPorts.Web)
        {
            Description = "web app (Blazor BFF)",
            References = [Keycloak, CustomerService, SecuritySystemService, NotificationService],
            Environment = ServiceAccount("realguard-web"),
        },
    ])
    {
        RealmFile = RealmFile,
        RealmOrigins = [Web, Gateway],
    };

    /// <summary>
    /// A part's own confidential client in the realm (for client-credentials calls, or the web app's login),
    /// with the development secret the realm export names as such; demo data on for the local run.
    /// </summary>
    private static Dictionary<string, Func<StackContext, string>> ServiceAccount(string clientId) => new()
    {
        [StackConfigKeys.KeycloakClientId] = _ => clientId,
        [StackConfigKeys.KeycloakClientSecret] = _ => clientId + "-dev-secret",
        [StackConfigKeys.DemoDataEnabled] = _ => "true",
    };

    /// <summary>The OpenID Connect authority of the running stack: <c>{keycloak}/realms/realguard</c>.</summary>
    public static string Authority(this LocalStack stack) => $"{stack.Url(Keycloak)}/realms/{Realm}";

    public static string DiscoveryDocumentUrl(this LocalStack stack) => $"{stack.Authority()}/.well-known/openid-configuration";
}

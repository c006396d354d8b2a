using RealGuard.AppHost;
using RealGuard.DevHost;

var builder = DistributedApplication.CreateBuilder(args);

builder.AddAzureContainerAppEnvironment(AppHostResources.ContainerAppsEnvironment);

var clientSecrets = builder.AddClientSecrets();

// Containers by default (and always when deploying); the development identity provider and SQLite with
// RealGuard:UseContainers=false, the `no-containers` launch profile.
var useContainers = builder.UsesContainers();
var postgres = useContainers ? builder.AddRealGuardPostgres() : null;
var keycloakContainer = useContainers ? builder.AddRealGuardKeycloak() : null;
IResourceBuilder<IResourceWithServiceDiscovery> keycloak =
    keycloakContainer is not null ? keycloakContainer : builder.AddDevelopmentIdentityProvider();

IResourceBuilder<IResourceWithConnectionString> Database(string name) =>
    postgres is not null ? postgres.AddDatabase(name) : builder.AddSqliteDatabase(name);

var customerService = builder.AddRealGuardProject<Projects.RealGuard_CustomerService>(StackResources.CustomerService)
    .WithKeycloak(keycloak)
    .WithKeycloakClient(RealmClients.CustomerService, clientSecrets)
    .WithDatabase(Database(StackDatabases.Customer))
    .WithDemoData();

var notificationService = builder.AddRealGuardProject<Projects.RealGuard_NotificationService>(StackResources.NotificationService)
    .WithKeycloak(keycloak)
    .WithKeycloakClient(RealmClients.NotificationService, clientSecrets)
    .WithDatabase(Database(StackDatabases.Notification))
    .WithPart(customerService)
    .WithDemoData();

var securitySystemService = builder.AddRealGuardProject<Projects.RealGuard_SecuritySystemService>(StackResources.SecuritySystemService)
    .WithKeycloak(keycloak)
    .WithKeycloakClient(RealmClients.SecuritySystemService, clientSecrets)
    .WithDatabase(Database(StackDatabases.SecuritySystem))
    .WithPart(customerService)
    .WithPart(notificationService)
    .WithDemoData();

var gateway = builder.AddRealGuardProject<Projects.RealGuard_Gateway>(StackResources.Gateway, StackPorts.Gateway)
    .WithExternalHttpEndpoints()
    .WithKeycloak(keycloak)
    .WithPart(customerService)
    .WithPart(securitySystemService)
    .WithPart(notificationService);

var web = builder.AddRealGuardProject<Projects.RealGuard_Web>(StackResources.Web, StackPorts.Web)
    .WithExternalHttpEndpoints()
    .WithKeycloak(keycloak)
    .WithKeycloakClient(RealmClients.Web, clientSecrets)
    .WithPart(customerService)
    .WithPart(securitySystemService)
    .WithPart(notificationService)
    .WithDemoData();

if (keycloakContainer is not null && postgres is not null)
{
    keycloakContainer.PublishAsRealGuardKeycloak(
        postgres,
        new Dictionary<string, IResourceBuilder<ProjectResource>> { [StackResources.Web] = web, [StackResources.Gateway] = gateway },
        clientSecrets);
}

builder.Build().Run();

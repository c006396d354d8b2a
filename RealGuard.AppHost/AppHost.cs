using RealGuard.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Keycloak and PostgreSQL containers where a container runtime answers (and always when publishing); otherwise the
// development identity provider and SQLite. See docs/aspire.md.
var mode = HostingMode.Decide(builder);
builder.AddStartupBanner(mode);

var clientSecrets = builder.AddClientSecrets();
var keycloak = builder.AddRealGuardIam(mode);
var database = builder.AddRealGuardDatabases(mode);

var customerService = builder.AddRealGuardProject<Projects.RealGuard_CustomerService>(StackResources.CustomerService, StackPorts.CustomerService)
    .WithKeycloak(keycloak)
    .WithKeycloakClient(RealmClients.CustomerService, clientSecrets)
    .WithDatabase(database(StackDatabases.Customer))
    .WithDemoData();

var notificationService = builder.AddRealGuardProject<Projects.RealGuard_NotificationService>(StackResources.NotificationService, StackPorts.NotificationService)
    .WithKeycloak(keycloak)
    .WithKeycloakClient(RealmClients.NotificationService, clientSecrets)
    .WithDatabase(database(StackDatabases.Notification))
    .WithParts(customerService)
    .WithDemoData();

var securitySystemService = builder.AddRealGuardProject<Projects.RealGuard_SecuritySystemService>(StackResources.SecuritySystemService, StackPorts.SecuritySystemService)
    .WithKeycloak(keycloak)
    .WithKeycloakClient(RealmClients.SecuritySystemService, clientSecrets)
    .WithDatabase(database(StackDatabases.SecuritySystem))
    .WithParts(customerService, notificationService)
    .WithDemoData();

var gateway = builder.AddRealGuardProject<Projects.RealGuard_Gateway>(StackResources.Gateway, StackPorts.Gateway)
    .WithExternalHttpEndpoints()
    .WithKeycloak(keycloak)
    .WithParts(customerService, securitySystemService, notificationService);

var web = builder.AddRealGuardProject<Projects.RealGuard_Web>(StackResources.Web, StackPorts.Web)
    .WithExternalHttpEndpoints()
    .WithKeycloak(keycloak)
    .WithKeycloakClient(RealmClients.Web, clientSecrets)
    .WithParts(customerService, securitySystemService, notificationService)
    .WithDemoData();

builder.PublishRealGuardKeycloak(keycloak, web, gateway, clientSecrets);
builder.PublishRealGuardToAzure();

builder.Build().Run();

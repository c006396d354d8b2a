using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using RealGuard.Testing.AppHost;

namespace RealGuard.AppHost.Tests;

/// <summary>The application model RealGuard.AppHost builds, read through Aspire.Hosting.Testing without starting anything.</summary>
public sealed class AppHostModelTests
{
    private static readonly Dictionary<string, int> FixedPorts = new()
    {
        [StackResources.Keycloak] = StackPorts.Keycloak,
        [StackResources.CustomerService] = StackPorts.CustomerService,
        [StackResources.SecuritySystemService] = StackPorts.SecuritySystemService,
        [StackResources.NotificationService] = StackPorts.NotificationService,
        [StackResources.Gateway] = StackPorts.Gateway,
        [StackResources.Web] = StackPorts.Web,
    };

    [Fact]
    public async Task Without_a_container_runtime_every_part_is_a_project_on_its_documented_port()
    {
        var model = await ModelAsync(useContainers: false);

        Assert.Empty(model.Resources.OfType<ContainerResource>());
        foreach (var (part, port) in FixedPorts)
        {
            var project = Assert.Single(model.Resources.OfType<ProjectResource>(), resource => resource.Name == part);
            var http = Assert.Single(project.Annotations.OfType<EndpointAnnotation>());
            Assert.Equal(port, http.Port);
            Assert.Contains(project.Annotations.OfType<HealthCheckAnnotation>(), _ => true);
        }
    }

    [Fact]
    public async Task Without_a_container_runtime_the_IAM_is_the_development_identity_provider_importing_realm_export()
    {
        var model = await ModelAsync(useContainers: false);
        var iam = Assert.Single(model.Resources.OfType<ProjectResource>(), resource => resource.Name == StackResources.Keycloak);
        var environment = await iam.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);

        Assert.EndsWith("services/identity-provider/RealGuard.IdentityProvider.csproj", iam.GetProjectMetadata().ProjectPath.Replace('\\', '/'));
        Assert.Equal(Path.GetFullPath(RepositoryFiles.PathOf(RepositoryPaths.RealmExport)), environment["IdentityProvider__ImportPath"]);
        Assert.All(model.Resources.OfType<IResourceWithConnectionString>(), database =>
            Assert.IsType<ConnectionStringResource>(database));
    }

    [Theory]
    [InlineData(false, "Container-free")]
    [InlineData(true, "Containers")]
    public async Task The_dashboard_says_which_mode_runs_and_why(bool useContainers, string state)
    {
        var model = await ModelAsync(useContainers);
        var mode = Assert.Single(model.Resources, resource => resource.Name == AppHostResources.HostingModeResource);
        var snapshot = Assert.Single(mode.Annotations.OfType<ResourceSnapshotAnnotation>()).InitialSnapshot;

        Assert.Equal(state, snapshot.State?.Text);
        Assert.Contains(snapshot.Properties, property => property.Name == "Reason" && ((string)property.Value!).Contains(AppHostResources.UseContainersSetting));
    }

    [Fact]
    public async Task Every_service_gets_Keycloak_its_database_its_client_and_the_parts_it_calls()
    {
        var model = await ModelAsync(useContainers: false);

        var expected = new Dictionary<string, (string? Client, string? Database, string[] Calls)>
        {
            [StackResources.CustomerService] = (RealmClients.CustomerService, StackDatabases.Customer, []),
            [StackResources.NotificationService] = (RealmClients.NotificationService, StackDatabases.Notification, [StackResources.CustomerService]),
            [StackResources.SecuritySystemService] = (RealmClients.SecuritySystemService, StackDatabases.SecuritySystem, [StackResources.CustomerService, StackResources.NotificationService]),
            [StackResources.Gateway] = (null, null, [StackResources.CustomerService, StackResources.SecuritySystemService, StackResources.NotificationService]),
            [StackResources.Web] = (RealmClients.Web, null, [StackResources.CustomerService, StackResources.SecuritySystemService, StackResources.NotificationService]),
        };

        foreach (var (part, (client, database, calls)) in expected)
        {
            var project = model.Resources.OfType<ProjectResource>().Single(resource => resource.Name == part);
            var environment = await project.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);

            Assert.Equal("{keycloak.bindings.http.url}", environment[StackConfigKeys.KeycloakAuthServerUrl]);
            Assert.Equal(StackResources.Realm, environment["Keycloak__Realm"]);
            Assert.Equal(client, environment.GetValueOrDefault("Keycloak__ClientId"));
            Assert.Equal(client is null ? null : $"{{{AppHostResources.ClientSecretParameter(client)}.value}}", environment.GetValueOrDefault("Keycloak__ClientSecret"));
            Assert.Equal(database is not null, environment.ContainsKey(StackConfigKeys.ConnectionString(database ?? "none")));
            var called = environment.Keys.Where(key => key.StartsWith("services__", StringComparison.Ordinal) && key.EndsWith("__http__0", StringComparison.Ordinal))
                .Select(key => key["services__".Length..^"__http__0".Length]).Where(name => name != StackResources.Keycloak);
            Assert.Equal(calls.Order(), called.Order());
            var waitsFor = project.Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name).ToList();
            Assert.Contains(StackResources.Keycloak, waitsFor);
            Assert.All(calls, call => Assert.Contains(call, waitsFor));
        }
    }

    [Fact]
    public async Task With_containers_Keycloak_26_imports_the_realm_and_reports_health_on_its_management_port()
    {
        var model = await ModelAsync(useContainers: true);
        var keycloak = Assert.IsType<KeycloakResource>(Assert.Single(model.Resources, resource => resource.Name == StackResources.Keycloak));

        var image = Assert.Single(keycloak.Annotations.OfType<ContainerImageAnnotation>());
        Assert.Equal(("quay.io", "keycloak/keycloak"), (image.Registry, image.Image));
        Assert.StartsWith("26.", image.Tag);
        Assert.Equal(["start-dev", "--import-realm"], await keycloak.GetArgumentValuesAsync(DistributedApplicationOperation.Run));

        var endpoints = keycloak.Annotations.OfType<EndpointAnnotation>().ToDictionary(endpoint => endpoint.Name);
        Assert.Equal((StackPorts.Keycloak, 8080, true), (endpoints["http"].Port!.Value, endpoints["http"].TargetPort!.Value, endpoints["http"].IsExternal));
        Assert.Equal((9000, false), (endpoints["management"].TargetPort!.Value, endpoints["management"].IsExternal));
        Assert.Single(keycloak.Annotations.OfType<HealthCheckAnnotation>());

        var environment = await keycloak.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);
        Assert.Equal("true", environment["KC_HEALTH_ENABLED"]);
        Assert.Equal("opentelemetry", environment["KC_FEATURES"]);
        Assert.Equal("admin", environment["KC_BOOTSTRAP_ADMIN_USERNAME"]);
        Assert.Equal("{keycloak-password.value}", environment["KC_BOOTSTRAP_ADMIN_PASSWORD"]);
        Assert.Single(keycloak.Annotations.OfType<OtlpExporterAnnotation>());

        var realm = Assert.Single(keycloak.Annotations.OfType<ContainerFileSystemCallbackAnnotation>());
        Assert.Equal("/opt/keycloak/data/import", realm.DestinationPath);
        Assert.Contains(keycloak.Annotations.OfType<ContainerMountAnnotation>(), mount => mount.Target == "/opt/keycloak/data" && mount.Type == ContainerMountType.Volume);
    }

    [Fact]
    public async Task With_containers_the_services_use_PostgreSQL_one_database_each()
    {
        var model = await ModelAsync(useContainers: true);

        var postgres = Assert.Single(model.Resources.OfType<PostgresServerResource>());
        Assert.Equal(
            [StackDatabases.Customer, StackDatabases.Notification, StackDatabases.SecuritySystem],
            model.Resources.OfType<PostgresDatabaseResource>().Where(database => database.Parent == postgres).Select(database => database.DatabaseName).Order());
    }

    private static async Task<DistributedApplicationModel> ModelAsync(bool useContainers)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.RealGuard_AppHost>(
            [$"{AppHostResources.UseContainersSetting}={useContainers}", $"{AppHostResources.DataPathSetting}={Path.Combine(Path.GetTempPath(), "realguard-model-tests")}"]);
        return new DistributedApplicationModel(builder.Resources);
    }
}

using System.Text.Json.Nodes;
using RealGuard.AppHost.Tests.Infrastructure;

namespace RealGuard.AppHost.Tests;

/// <summary>
/// The committed azd infrastructure: infra/*.bicep compiled with the Bicep CLI from NuGet, the container-app templates
/// azd deploys (RealGuard.AppHost/infra/*.tmpl.yaml), and how both match the manifest the AppHost publishes. What a
/// reviewer of a production deployment checks, without Azure: secrets, public surface, replicas, probes, state stores.
/// </summary>
public sealed class InfrastructureTests : IClassFixture<InfrastructureTests.Compiled>, IClassFixture<ManifestTests.Published>
{
    /// <summary>RealGuard's own projects: probed on /alive and /health, scaled on HTTP concurrency.</summary>
    private static readonly string[] Projects =
        [StackResources.CustomerService, StackResources.SecuritySystemService, StackResources.NotificationService, StackResources.Gateway, StackResources.Web];

    private static readonly string[] Services = [StackResources.CustomerService, StackResources.SecuritySystemService, StackResources.NotificationService];

    private static readonly string[] SharedStateUsers = [StackResources.Web, StackResources.Gateway];

    private readonly Compiled compiled;
    private readonly JsonObject manifest;

    public InfrastructureTests(Compiled compiled, ManifestTests.Published published)
    {
        this.compiled = compiled;
        manifest = published.Resources;
    }

    private JsonObject MainParameters => compiled.Main.Arm["parameters"]!.AsObject();

    /// <summary>resources.bicep as ARM: the nested deployment main.bicep compiles it into.</summary>
    private JsonObject Resources => compiled.Resources.Arm;

    [Fact]
    public void Every_Bicep_file_compiles_without_errors_or_warnings()
    {
        Assert.NotEmpty(compiled.All);
        Assert.All(compiled.All, compilation =>
        {
            Assert.True(compilation.ExitCode == 0 && !compilation.Errors.Any(), $"{compilation.File}:\n{string.Join('\n', compilation.Diagnostics)}");
            Assert.Empty(compilation.Warnings);
        });
    }

    [Fact]
    public void Every_secret_is_a_secure_parameter_without_a_default_named_as_azd_maps_the_Aspire_parameter()
    {
        var secretParameters = manifest
            .Where(resource => (string?)resource.Value!["type"] == "parameter.v0"
                && resource.Value!["connectionString"] is null
                && (bool?)resource.Value!["inputs"]?["value"]?["secret"] == true)
            .Select(resource => resource.Key)
            .Where(name => name.EndsWith("-client-secret", StringComparison.Ordinal) || name is "keycloak-password" or "postgres-password")
            .ToList();
        Assert.Equal(RealmClients.Confidential.Count + 2, secretParameters.Count);

        var mainParameters = Repository.Read("infra/main.parameters.json");
        foreach (var aspireName in secretParameters)
        {
            // azd: `realguard-web-client-secret` → Bicep `realguard_web_client_secret` ← ${AZURE_REALGUARD_WEB_CLIENT_SECRET}.
            var bicepName = aspireName.Replace('-', '_');
            var parameter = MainParameters[bicepName]?.AsObject();
            Assert.True(parameter is not null, $"main.bicep has no parameter {bicepName} for the AppHost's {aspireName}.");
            Assert.Equal("securestring", (string)parameter["type"]!);
            Assert.False(parameter.ContainsKey("defaultValue"), $"{bicepName} has a default.");
            Assert.Contains($"\"{bicepName}\": {{\n        \"value\": \"${{AZURE_{bicepName.ToUpperInvariant()}}}\"", mainParameters.ReplaceLineEndings("\n"));
        }

        // And no other parameter looks like a secret without being one.
        Assert.All(MainParameters.Where(parameter => parameter.Key.Contains("secret") || parameter.Key.Contains("password")),
            parameter => Assert.Equal("securestring", (string)parameter.Value!["type"]!));
        Assert.All(MainParameters.Where(parameter => (string)parameter.Value!["type"]! == "securestring"),
            parameter => Assert.False(parameter.Value!.AsObject().ContainsKey("defaultValue"), $"{parameter.Key} has a default."));
    }

    [Fact]
    public void The_templates_read_only_secure_parameters_and_outputs_main_bicep_declares()
    {
        var outputs = compiled.Main.Arm["outputs"]!.AsObject().Select(output => output.Key).Append("AZURE_LOCATION").ToHashSet();

        foreach (var template in Templates())
        {
            Assert.All(template.ParametersRead, name => Assert.Equal("securestring", (string?)MainParameters[name]?["type"]));
            Assert.All(template.EnvironmentValuesRead, name => Assert.Contains(name, outputs));
        }
    }

    [Fact]
    public void Secrets_reach_the_apps_as_container_app_secrets_from_parameters_or_Key_Vault_never_as_literals()
    {
        foreach (var template in Templates())
        {
            Assert.All(template.SecretEnvironment.Values, secret => Assert.Contains(secret, template.Secrets.Keys));
            foreach (var (name, secret) in template.Secrets)
            {
                if (secret.TryGetValue("keyVaultUrl", out var url))
                {
                    Assert.StartsWith("${SERVICE_BINDING_KV_ENDPOINT}secrets/", (string)url);
                    Assert.Equal("${AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID}", (string)secret["identity"]);
                }
                else
                {
                    Assert.Matches(@"^secured\([a-z0-9_]+\)$", (string)secret["value"]);
                }
            }

            Assert.DoesNotContain(template.Environment.Keys, name => name.Contains("Secret", StringComparison.OrdinalIgnoreCase)
                || name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        }

        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("infra")).Concat(Directory.EnumerateFiles(Repository.PathOf(ContainerAppTemplate.Folder))))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("-dev-secret", text);
            Assert.DoesNotContain("-dev-password", text);
        }
    }

    [Fact]
    public void Only_the_web_app_the_gateway_and_Keycloak_have_external_ingress()
    {
        var external = Templates().Where(template => template.External).Select(template => template.Name);

        Assert.Equal([StackResources.Gateway, StackResources.Keycloak, StackResources.Web], external.Order());
        Assert.All(Templates().Where(template => template.External), template => Assert.Equal("false", (string)template.Ingress["allowInsecure"]));
        Assert.All(Services, name => Assert.Equal("false", (string)Template(name).Ingress["external"]));
    }

    [Fact]
    public void Web_and_gateway_run_at_least_two_replicas_and_every_project_scales_on_HTTP_concurrency()
    {
        Assert.All(SharedStateUsers, name => Assert.Equal(2, Template(name).MinReplicas));
        Assert.All(Services, name => Assert.True(Template(name).MinReplicas >= 1));
        Assert.All(Projects, name =>
        {
            var template = Template(name);
            Assert.True(template.HttpConcurrency is > 0, $"{name} has no HTTP scale rule.");
            Assert.True(template.MaxReplicas > template.MinReplicas, $"{name} cannot scale out.");
        });
    }

    [Fact]
    public void Every_project_has_a_liveness_probe_on_alive_and_a_readiness_probe_on_health_within_Container_Apps_limits()
    {
        foreach (var name in Projects)
        {
            var probes = Template(name).Probes;
            var port = int.Parse(Template(name).Ingress["targetPort"].ToString()!);

            Assert.Contains(probes, probe => probe is { Type: "Liveness", Path: "/alive" } && probe.Port == port);
            Assert.Contains(probes, probe => probe is { Type: "Readiness", Path: "/health" } && probe.Port == port);
        }

        Assert.All(Templates().SelectMany(template => template.Probes), probe =>
        {
            // Container Apps rejects values outside these ranges.
            Assert.InRange(probe.FailureThreshold ?? 3, 1, 10);
            Assert.InRange(probe.InitialDelaySeconds ?? 0, 0, 60);
            Assert.InRange(probe.PeriodSeconds ?? 10, 1, 240);
        });
    }

    [Fact]
    public void Redis_is_Azure_Managed_Redis_and_its_connection_string_reaches_web_and_gateway_as_a_Key_Vault_secret()
    {
        var redis = ArmResources("Microsoft.Cache/redisEnterprise").Single();
        Assert.Equal("1.2", (string)redis["properties"]!["minimumTlsVersion"]!);
        var database = ArmResources("Microsoft.Cache/redisEnterprise/databases").Single();
        Assert.Equal("Encrypted", (string)database["properties"]!["clientProtocol"]!);
        Assert.Equal("NoEviction", (string)database["properties"]!["evictionPolicy"]!);
        Assert.Contains(ArmResources("Microsoft.KeyVault/vaults/secrets"), secret => ((string)secret["name"]!).Contains("connectionstrings--redis"));

        foreach (var name in SharedStateUsers)
        {
            var template = Template(name);
            var secret = template.SecretEnvironment["ConnectionStrings__redis"];
            Assert.Equal("${SERVICE_BINDING_KV_ENDPOINT}secrets/connectionstrings--redis", (string)template.Secrets[secret]["keyVaultUrl"]);
            // The keys that protect cookies live on Redis, not in the Container Apps' per-app key store.
            Assert.Equal("false", (string)((Dictionary<object, object>)((Dictionary<object, object>)template.Configuration["runtime"])["dotnet"])["autoConfigureDataProtection"]);
        }
    }

    [Fact]
    public void Databases_are_on_an_Azure_PostgreSQL_flexible_server_not_in_a_container_app()
    {
        var server = ArmResources("Microsoft.DBforPostgreSQL/flexibleServers").Single();
        Assert.Equal("Enabled", (string)server["properties"]!["authConfig"]!["passwordAuth"]!);
        Assert.Equal("[parameters('postgres_password')]", (string)server["properties"]!["administratorLoginPassword"]!);
        var databases = Resources["variables"]!.ToJsonString();
        Assert.All(["customerdb", "securitysystemdb", "notificationdb", AppHostResources.KeycloakDatabase], name => Assert.Contains(name, databases));

        // No container app runs PostgreSQL (PostgreSQL on Azure Files fails: microsoft/aspire#6671), and azd has none to deploy.
        Assert.DoesNotContain(AppHostResources.Postgres, ContainerAppTemplate.Names());
        Assert.DoesNotContain(manifest, resource => (string?)resource.Value!["image"] is { } image && image.Contains("postgres", StringComparison.Ordinal));
        Assert.All(Templates(), template => Assert.DoesNotContain("postgres:", template.Container["image"].ToString()));

        // Each service gets its own database's connection string, kept in Key Vault by resources.bicep.
        foreach (var name in Services)
        {
            var connectionString = Assert.Single(Template(name).SecretEnvironment.Keys, key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
            var database = connectionString["ConnectionStrings__".Length..];
            Assert.Contains(database, databases);
            var secret = Template(name).Secrets[Template(name).SecretEnvironment[connectionString]];
            Assert.Equal($"${{SERVICE_BINDING_KV_ENDPOINT}}secrets/connectionstrings--{database}", (string)secret["keyVaultUrl"]);
        }
    }

    [Fact]
    public void Keycloak_runs_one_replica_in_production_mode_behind_the_ingress_with_the_realm_placeholders_set()
    {
        var keycloak = Template(StackResources.Keycloak);

        Assert.Equal((1, 1), (keycloak.MinReplicas, keycloak.MaxReplicas));
        Assert.Equal(["start", "--import-realm", "--optimized"], keycloak.Args);
        Assert.Equal(manifest[StackResources.Keycloak]!["args"]!.AsArray().Select(arg => (string)arg!), keycloak.Args);
        var environment = keycloak.Environment;
        Assert.Equal("true", environment["KC_HTTP_ENABLED"]);
        Assert.Equal("xforwarded", environment["KC_PROXY_HEADERS"]);
        Assert.Equal("https://keycloak.${AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN}", environment["KC_HOSTNAME"]);
        Assert.Equal("jdbc:postgresql://${POSTGRES_HOST}:5432/keycloakdb?sslmode=require", environment["KC_DB_URL"]);
        Assert.Contains("KC_DB_PASSWORD", keycloak.SecretEnvironment.Keys);
        Assert.Contains("KC_BOOTSTRAP_ADMIN_PASSWORD", keycloak.SecretEnvironment.Keys);
        Assert.All(ProductionRealm.Variables, variable =>
            Assert.True(environment.ContainsKey(variable) || keycloak.SecretEnvironment.ContainsKey(variable), $"{variable} is not set on Keycloak."));
        Assert.All(RealmClients.Confidential, clientId =>
            Assert.Contains(ProductionRealm.ClientSecretVariable(clientId), keycloak.SecretEnvironment.Keys));

        // Health on the management port, which only the environment reaches.
        Assert.Equal(8080, int.Parse((string)keycloak.Ingress["targetPort"]));
        Assert.Contains(keycloak.Probes, probe => probe is { Type: "Liveness", Path: "/health/live", Port: 9000 });
        Assert.Contains(keycloak.Probes, probe => probe is { Type: "Readiness", Path: "/health/ready", Port: 9000 });
    }

    [Fact]
    public void Every_project_and_container_azd_deploys_from_the_manifest_has_a_template_and_every_template_a_resource()
    {
        var deployed = manifest
            .Where(resource => (string?)resource.Value!["type"] is { } type
                && (type.StartsWith("project.", StringComparison.Ordinal) || type.StartsWith("container.", StringComparison.Ordinal) || type.StartsWith("dockerfile.", StringComparison.Ordinal)))
            .Select(resource => resource.Key)
            .Order()
            .ToList();

        Assert.Equal(deployed, ContainerAppTemplate.Names());
    }

    [Fact]
    public void Each_template_gives_its_project_the_configuration_the_manifest_asks_for()
    {
        foreach (var name in Projects)
        {
            var asked = manifest[name]!["env"]!.AsObject().Select(variable => variable.Key)
                .Where(key => key.StartsWith("Keycloak__", StringComparison.Ordinal) || key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
                    || key.StartsWith("services__", StringComparison.Ordinal));
            var template = Template(name);
            Assert.All(asked, key => Assert.True(template.Environment.ContainsKey(key) || template.SecretEnvironment.ContainsKey(key), $"{name}.tmpl.yaml does not set {key}."));
        }
    }

    [Fact]
    public void The_manifest_names_the_databases_as_connection_strings_the_infrastructure_supplies_not_as_prompts()
    {
        foreach (var name in Services)
        {
            var database = Assert.Single(manifest[name]!["env"]!.AsObject(), variable => variable.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).Key["ConnectionStrings__".Length..];
            var resource = manifest[database]!;
            Assert.Equal("parameter.v0", (string)resource["type"]!);
            Assert.Equal($"{{{database}.value}}", (string)resource["connectionString"]!);
            Assert.True((bool)resource["inputs"]!["value"]!["secret"]!);
            Assert.Null(resource["inputs"]!["value"]!["default"]);
            // main.bicep does not declare it, so azd never asks: the template reads it from Key Vault.
            Assert.Null(MainParameters[database.Replace('-', '_')]);
        }
    }

    [Fact]
    public void Every_manifest_expression_names_a_resource_of_the_manifest_except_Keycloaks_database_settings()
    {
        // Keycloak's KC_DB_* still name the F5 PostgreSQL server (KeycloakDeploymentExtensions); deployed,
        // keycloak.tmpl.yaml sets them from the flexible server (POSTGRES_HOST, POSTGRES_USERNAME, postgres_password).
        var dangling = manifest
            .SelectMany(resource => Expressions(resource.Value!, resource.Key))
            .Where(reference => !manifest.ContainsKey(reference.Resource))
            .Where(reference => !(reference.Owner == StackResources.Keycloak && reference.Path.StartsWith("env.KC_DB_", StringComparison.Ordinal)))
            .Select(reference => $"{reference.Owner}.{reference.Path} → {reference.Resource}");

        Assert.Empty(dangling);
    }

    private static IEnumerable<(string Owner, string Path, string Resource)> Expressions(JsonNode node, string owner, string path = "")
    {
        switch (node)
        {
            case JsonObject map:
                return map.SelectMany(entry => entry.Value is null ? [] : Expressions(entry.Value, owner, path.Length == 0 ? entry.Key : $"{path}.{entry.Key}"));
            case JsonArray list:
                return list.SelectMany((item, index) => item is null ? [] : Expressions(item, owner, $"{path}[{index}]"));
            default:
                var text = node.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)node! : "";
                return System.Text.RegularExpressions.Regex.Matches(text, @"\{(?<resource>[a-zA-Z0-9-]+)\.")
                    .Select(match => (owner, path, match.Groups["resource"].Value));
        }
    }

    private static IEnumerable<ContainerAppTemplate> Templates() => ContainerAppTemplate.Names().Select(Template);

    private static ContainerAppTemplate Template(string name) => ContainerAppTemplate.Load(name);

    private IEnumerable<JsonObject> ArmResources(string type)
    {
        // resources.bicep compiles to an object of symbolic names (languageVersion 2.0) or an array.
        var resources = Resources["resources"]!;
        var all = resources is JsonObject byName ? byName.Select(entry => entry.Value!.AsObject()) : resources.AsArray().Select(entry => entry!.AsObject());
        return all.Where(resource => (string?)resource["type"] == type);
    }

    /// <summary>Every infra/*.bicep compiled once for the class.</summary>
    public sealed class Compiled : IAsyncLifetime
    {
        internal IReadOnlyList<BicepCli.Compilation> All { get; private set; } = [];

        internal BicepCli.Compilation Main => All.Single(compilation => compilation.File.EndsWith("main.bicep", StringComparison.Ordinal));

        internal BicepCli.Compilation Resources => All.Single(compilation => compilation.File.EndsWith("resources.bicep", StringComparison.Ordinal));

        public async Task InitializeAsync()
        {
            var files = Directory.EnumerateFiles(Repository.PathOf("infra"), "*.bicep", SearchOption.AllDirectories).Order();
            var compilations = new List<BicepCli.Compilation>();
            foreach (var file in files)
            {
                compilations.Add(await BicepCli.BuildAsync(file));
            }

            All = compilations;
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}

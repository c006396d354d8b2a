namespace RealGuard.DevHost.Tests;

public sealed class PartEnvironmentTests : IDisposable
{
    private readonly string dataRoot = Directory.CreateTempSubdirectory("realguard-devhost-tests-").FullName;

    private StackContext Stack(IReadOnlyDictionary<string, string>? connectionStrings = null) => new(
        "/repo",
        dataRoot,
        new Dictionary<string, int> { ["keycloak"] = 18080, ["customer-service"] = 15101, ["gateway"] = 15100 },
        realmImportPath: "/tmp/realm-import",
        connectionStrings);

    private static readonly Dictionary<string, string> NoRunnerEnvironment = [];

    [Fact]
    public void A_part_gets_the_Aspire_contract_for_itself_and_each_part_it_references()
    {
        var gateway = new StackPart("gateway", "services/gateway/RealGuard.Gateway.csproj", 5100)
        {
            References = ["keycloak", "customer-service"],
        };

        var environment = PartEnvironment.Compose(gateway, Stack(), NoRunnerEnvironment);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = "http://localhost:15100",
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["OTEL_SERVICE_NAME"] = "gateway",
                ["services__keycloak__http__0"] = "http://localhost:18080",
                ["services__customer-service__http__0"] = "http://localhost:15101",
                ["Keycloak__AuthServerUrl"] = "http://localhost:18080",
                ["Keycloak__Realm"] = "realguard",
            },
            environment);
    }

    [Fact]
    public void Only_parts_referencing_keycloak_get_its_settings()
    {
        var part = new StackPart("customer-service", "services/customer-service/X.csproj", 5101) { References = ["gateway"] };

        var environment = PartEnvironment.Compose(part, Stack(), NoRunnerEnvironment);

        Assert.DoesNotContain("Keycloak__AuthServerUrl", environment.Keys);
        Assert.DoesNotContain("Keycloak__Realm", environment.Keys);
        Assert.Equal("http://localhost:15100", environment["services__gateway__http__0"]);
    }

    [Fact]
    public void Databases_get_a_SQLite_connection_string_in_the_data_folder_unless_one_is_given()
    {
        var part = new StackPart("customer-service", "services/customer-service/X.csproj", 5101) { Databases = ["customerdb", "auditdb"] };

        var environment = PartEnvironment.Compose(
            part, Stack(new Dictionary<string, string> { ["auditdb"] = "Host=localhost;Database=audit" }), NoRunnerEnvironment);

        Assert.Equal($"Data Source={Path.Combine(dataRoot, "customerdb", "customerdb.db")}", environment["ConnectionStrings__customerdb"]);
        Assert.True(Directory.Exists(Path.Combine(dataRoot, "customerdb")));
        Assert.Equal("Host=localhost;Database=audit", environment["ConnectionStrings__auditdb"]);
    }

    [Fact]
    public void OpenTelemetry_settings_of_the_runner_pass_through_but_the_service_name_is_the_part()
    {
        var runner = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://localhost:4317",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
            ["OTEL_SERVICE_NAME"] = "the-runner",
            ["PATH"] = "/usr/bin",
            ["Keycloak__Realm"] = "other",
        };

        var environment = PartEnvironment.Compose(new StackPart("keycloak", "x/X.csproj", 8080), Stack(), runner);

        Assert.Equal("http://localhost:4317", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("keycloak", environment["OTEL_SERVICE_NAME"]);
        Assert.DoesNotContain("PATH", environment.Keys); // inherited by the process, not part of the contract
    }

    [Fact]
    public void No_OpenTelemetry_endpoint_is_invented_when_the_runner_has_none()
    {
        var environment = PartEnvironment.Compose(new StackPart("keycloak", "x/X.csproj", 8080), Stack(), NoRunnerEnvironment);

        Assert.DoesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT", environment.Keys);
    }

    [Fact]
    public void Part_environment_is_computed_from_the_stack_and_extra_environment_wins()
    {
        var part = new StackPart("keycloak", "x/X.csproj", 8080)
        {
            Environment = new Dictionary<string, Func<StackContext, string>>
            {
                ["IdentityProvider__ImportPath"] = stack => stack.RealmImportPath,
                ["Gateway__Url"] = stack => stack.Url("gateway"),
                ["ASPNETCORE_ENVIRONMENT"] = _ => "Staging",
            },
        };

        var environment = PartEnvironment.Compose(
            part, Stack(), NoRunnerEnvironment, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Testing" });

        Assert.Equal("/tmp/realm-import", environment["IdentityProvider__ImportPath"]);
        Assert.Equal("http://localhost:15100", environment["Gateway__Url"]);
        Assert.Equal("Testing", environment["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public void The_identity_provider_imports_the_realm_and_keeps_its_data_in_its_own_folder()
    {
        var keycloak = RealGuardStack.Define()["keycloak"];

        var environment = PartEnvironment.Compose(keycloak, Stack(), NoRunnerEnvironment);

        Assert.Equal("http://localhost:18080", environment["ASPNETCORE_URLS"]);
        Assert.Equal("/tmp/realm-import", environment["IdentityProvider__ImportPath"]);
        Assert.Equal(Path.Combine(dataRoot, "identity-provider"), environment["IdentityProvider__DataPath"]);
    }

    public void Dispose() => Directory.Delete(dataRoot, recursive: true);
}

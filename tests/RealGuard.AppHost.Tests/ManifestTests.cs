using System.Diagnostics;
using System.Text.Json.Nodes;
using RealGuard.Testing.AppHost;

namespace RealGuard.AppHost.Tests;

/// <summary>
/// The manifest azd deploys from, as <c>dotnet run --project RealGuard.AppHost -- --publisher manifest</c> writes it:
/// Keycloak in production mode, every secret a parameter without a value, only the public parts external.
/// </summary>
public sealed class ManifestTests : IClassFixture<ManifestTests.Published>
{
    private readonly JsonObject resources;

    public ManifestTests(Published published) => resources = published.Resources;

    [Fact]
    public void Deployed_Keycloak_is_built_from_the_image_folder_and_starts_in_production_mode()
    {
        var keycloak = resources[StackResources.Keycloak]!;

        Assert.EndsWith("deploy/keycloak", (string)keycloak["build"]!["context"]!);
        Assert.Equal(["start", "--import-realm", "--optimized"], keycloak["args"]!.AsArray().Select(arg => (string)arg!));
        var environment = keycloak["env"]!.AsObject();
        Assert.Equal("true", (string)environment["KC_HTTP_ENABLED"]!);
        Assert.Equal("xforwarded", (string)environment["KC_PROXY_HEADERS"]!);
        Assert.Equal("{keycloak.bindings.http.url}", (string)environment["KC_HOSTNAME"]!);
        Assert.StartsWith("jdbc:postgresql://", (string)environment["KC_DB_URL"]!);
        Assert.All(ProductionRealm.Variables, variable => Assert.True(environment.ContainsKey(variable), $"{variable} is not set on Keycloak."));
    }

    [Fact]
    public void Every_client_secret_is_a_secret_parameter_without_a_value()
    {
        foreach (var clientId in RealmClients.Confidential)
        {
            var parameter = resources[AppHostResources.ClientSecretParameter(clientId)]!;
            Assert.Equal("parameter.v0", (string)parameter["type"]!);
            var input = parameter["inputs"]!["value"]!;
            Assert.True((bool)input["secret"]!);
            Assert.Null(input["default"]);
        }
    }

    [Fact]
    public void No_development_secret_or_password_is_published()
    {
        var text = resources.ToJsonString();

        Assert.DoesNotContain("-dev-secret", text);
        Assert.DoesNotContain("-dev-password", text);
        Assert.DoesNotContain("DemoData", text);
    }

    [Fact]
    public void Only_the_web_app_the_gateway_and_Keycloak_are_reachable_from_outside()
    {
        var external = resources
            .Where(resource => resource.Value!["bindings"] is JsonObject bindings && bindings.Any(binding => (bool?)binding.Value!["external"] == true))
            .Select(resource => resource.Key);

        Assert.Equal([StackResources.Gateway, StackResources.Keycloak, StackResources.Web], external.Order());
    }

    /// <summary>Publishes the manifest once for the class, with the AppHost the tests were built with.</summary>
    public sealed class Published : IAsyncLifetime
    {
        private readonly string folder = Directory.CreateTempSubdirectory("realguard-manifest-").FullName;

        public JsonObject Resources { get; private set; } = [];

        public async Task InitializeAsync()
        {
            var output = Path.Combine(folder, "aspire-manifest.json");
            var appHost = Path.Combine(RepositoryFiles.PathOf("RealGuard.AppHost"), "bin", Configuration, "net10.0", "RealGuard.AppHost.dll");
            using var process = Process.Start(new ProcessStartInfo("dotnet", [appHost, "--publisher", "manifest", "--output-path", output])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var log = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"Publishing the manifest failed: {await log}{await errors}");
            Resources = JsonNode.Parse(await File.ReadAllTextAsync(output))!["resources"]!.AsObject();
        }

        public Task DisposeAsync()
        {
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        }

        private static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
    }
}

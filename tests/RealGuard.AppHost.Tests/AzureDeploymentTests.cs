using System.Text.RegularExpressions;
using RealGuard.AppHost.Tests.Infrastructure;

namespace RealGuard.AppHost.Tests;

/// <summary>azure.yaml and what the AppHost publishes for azd.</summary>
public sealed partial class AzureDeploymentTests
{
    [Fact]
    public void Azure_yaml_deploys_the_AppHost_to_Container_Apps()
    {
        var service = ReadAzureYamlServices(Repository.Read("azure.yaml"));

        var (name, properties) = Assert.Single(service);
        Assert.Equal("app", name);
        Assert.Equal("dotnet", properties["language"]);
        Assert.Equal("containerapp", properties["host"]);
        Assert.Equal($"./{RepositoryPaths.AppHostProject}", properties["project"]);
        Assert.True(Repository.Exists(RepositoryPaths.AppHostProject));
    }

    [Fact]
    public void AppHost_publishes_into_its_Container_Apps_environment()
    {
        var appHost = Repository.Read("RealGuard.AppHost/AppHost.cs");

        Assert.Contains($"builder.AddAzureContainerAppEnvironment({nameof(AppHostResources)}.{nameof(AppHostResources.ContainerAppsEnvironment)})", appHost);
        Assert.Matches("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", AppHostResources.ContainerAppsEnvironment);
    }

    [Fact]
    public void Deployed_Keycloak_is_built_from_the_image_folder_and_configured_for_the_ingress()
    {
        var deployment = Repository.Read("RealGuard.AppHost/Extensions/KeycloakDeploymentExtensions.cs");

        Assert.Contains($".WithDockerfile(Path.Combine(\"..\", {nameof(RepositoryPaths)}.{nameof(RepositoryPaths.KeycloakImage)}))", deployment);
        Assert.True(Repository.Exists(RepositoryPaths.KeycloakDockerfile));
        Assert.Contains(".WithEnvironment(\"KC_HTTP_ENABLED\", \"true\")", deployment);
        Assert.Contains(".WithEnvironment(\"KC_PROXY_HEADERS\", \"xforwarded\")", deployment);
        Assert.Contains(".WithEnvironment(\"KC_HOSTNAME\", keycloak.GetEndpoint(\"http\"))", deployment);
        Assert.Contains("jdbc:postgresql://", deployment);
        Assert.Contains("sslmode=require", deployment);
    }

    [Fact]
    public void Deployed_Keycloak_gets_every_realm_placeholder_variable()
    {
        var deployment = Repository.Read("RealGuard.AppHost/Extensions/KeycloakDeploymentExtensions.cs");

        // One loop over the public parts, one over all client secrets: together ProductionRealm.Variables.
        Assert.Contains("foreach (var part in ProductionRealm.PublicParts.Keys)", deployment);
        Assert.Contains("keycloak.WithEnvironment(ProductionRealm.OriginVariable(part), publicParts[part].GetEndpoint(\"http\"));", deployment);
        Assert.Contains("foreach (var (clientId, secret) in clientSecrets.All)", deployment);
        Assert.Contains("keycloak.WithEnvironment(ProductionRealm.ClientSecretVariable(clientId), secret);", deployment);
        Assert.Contains("RealmClients.Confidential.ToDictionary(", Repository.Read("RealGuard.AppHost/Extensions/ClientSecrets.cs"));
    }

    [Fact]
    public void Secrets_have_no_value_when_publishing()
    {
        var secrets = Repository.Read("RealGuard.AppHost/Extensions/ClientSecrets.cs");

        // Run mode: the realm's development secret. Publish mode: no value, so azd asks for it.
        Assert.Contains("builder.ExecutionContext.IsRunMode", secrets);
        Assert.Contains(": builder.AddParameter(AppHostResources.ClientSecretParameter(clientId), secret: true)", secrets);
        Assert.All(RealmClients.Confidential, clientId => Assert.Matches("^[a-z][a-z0-9-]*$", AppHostResources.ClientSecretParameter(clientId)));
    }

    /// <summary>The <c>services:</c> map of azure.yaml (two-space indented YAML, scalar values only).</summary>
    private static Dictionary<string, Dictionary<string, string>> ReadAzureYamlServices(string yaml)
    {
        var services = new Dictionary<string, Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        var inServices = false;

        foreach (var line in yaml.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#')))
        {
            if (!line.StartsWith(' '))
            {
                inServices = line == "services:";
                continue;
            }

            if (!inServices)
            {
                continue;
            }

            var entry = YamlEntry().Match(line);
            Assert.True(entry.Success, $"Unexpected azure.yaml line: {line}");
            if (entry.Groups["indent"].Value.Length == 2)
            {
                services[entry.Groups["key"].Value] = current = [];
            }
            else if (current is not null)
            {
                current[entry.Groups["key"].Value] = entry.Groups["value"].Value.Trim();
            }
        }

        return services;
    }

    [GeneratedRegex(@"^(?<indent> +)(?<key>[\w-]+):(?<value>.*)$")]
    private static partial Regex YamlEntry();
}

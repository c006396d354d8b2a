namespace RealGuard.AppHost;

internal static class IdentityProviderExtensions
{
    /// <summary>The IAM under Keycloak's resource name and fixed port 8080 (the issuer is <c>http://localhost:8080/realms/realguard</c>).</summary>
    public static IResourceBuilder<IResourceWithServiceDiscovery> AddRealGuardIam(this IDistributedApplicationBuilder builder, HostingMode mode) =>
        mode.UsesContainers
            ? builder.AddRealGuardKeycloak()
            : builder.AddDevelopmentIdentityProvider();

    /// <summary>
    /// Keycloak 26 in a container. When run, it imports realm-export.json once into its data volume (delete the volume
    /// to import a changed realm); when published, see <see cref="KeycloakDeploymentExtensions"/>.
    /// </summary>
    private static IResourceBuilder<KeycloakResource> AddRealGuardKeycloak(this IDistributedApplicationBuilder builder)
    {
        var keycloak = builder.AddKeycloak(StackResources.Keycloak, StackPorts.Keycloak)
            // Only the main endpoint is public: Container Apps allows one external endpoint, and the management
            // endpoint (health) must stay internal, so WithExternalHttpEndpoints() would be wrong here.
            .WithEndpoint("http", endpoint => endpoint.IsExternal = true)
            .WithOtlpExporter();

        if (builder.ExecutionContext.IsRunMode)
        {
            // Run mode only: a volume on /opt/keycloak/data would hide the realm baked into the deployed image.
            keycloak
                .WithDataVolume()
                .WithRealmImport(builder.RepositoryPath(RepositoryPaths.RealmExport));
        }

        return keycloak;
    }

    /// <summary>
    /// The Keycloak-compatible development identity provider, for machines without a container runtime: same resource
    /// name, port, realm file, URLs and tokens as Keycloak; its keys and sessions under the data folder.
    /// </summary>
    private static IResourceBuilder<ProjectResource> AddDevelopmentIdentityProvider(this IDistributedApplicationBuilder builder)
    {
        var identityProvider = builder.AddRealGuardProject<Projects.RealGuard_IdentityProvider>(StackResources.Keycloak, StackPorts.Keycloak)
            .WithExternalHttpEndpoints()
            .WithIconName("PersonLock")
            .WithEnvironment(StackConfigKeys.IdentityProviderImportPath, builder.RepositoryPath(RepositoryPaths.RealmExport))
            .WithEnvironment(StackConfigKeys.IdentityProviderDataPath, builder.DataFolder("identity-provider"));

        // Its public address (Keycloak's KC_HOSTNAME): the issuer follows it, never a request's Host header.
        return identityProvider.WithEnvironment("IdentityProvider__Hostname", identityProvider.GetEndpoint("http"));
    }
}

using RealGuard.DevHost;

namespace RealGuard.AppHost;

internal static class IdentityProviderExtensions
{
    /// <summary>
    /// Keycloak on the fixed port 8080, so the issuer (<c>http://localhost:8080/realms/realguard</c>) and the
    /// browser's cookies stay the same between runs. Locally it imports realm-export.json once into a data volume
    /// (delete the volume to import a changed realm); deployed, see <see cref="KeycloakDeploymentExtensions"/>.
    /// </summary>
    public static IResourceBuilder<KeycloakResource> AddRealGuardKeycloak(this IDistributedApplicationBuilder builder)
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
    /// The Keycloak-compatible development identity provider under Keycloak's resource name and port, importing
    /// realm-export.json: what the local runner starts, for machines without a container runtime.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddDevelopmentIdentityProvider(this IDistributedApplicationBuilder builder) =>
        builder.AddRealGuardProject<Projects.RealGuard_IdentityProvider>(StackResources.Keycloak, StackPorts.Keycloak)
            .WithEnvironment(StackConfigKeys.IdentityProviderImportPath, builder.RepositoryPath(RepositoryPaths.RealmExport))
            .WithEnvironment(StackConfigKeys.IdentityProviderDataPath, builder.LocalDataFolder("identity-provider"));
}

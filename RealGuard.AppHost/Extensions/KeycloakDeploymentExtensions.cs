using Aspire.Hosting.Azure;
using RealGuard.DevHost;

namespace RealGuard.AppHost;

internal static class KeycloakDeploymentExtensions
{
    /// <summary>
    /// Keycloak as deployed to Azure Container Apps: production mode (<c>kc.sh start</c>) behind the Container Apps
    /// ingress, which terminates TLS; its own database on PostgreSQL; the realm baked into the image built from
    /// deploy/keycloak (a bind mount or container files cannot reach a container app: microsoft/aspire#6004), its
    /// <c>${...}</c> placeholders filled from the environment set here. Nothing changes in run mode.
    /// </summary>
    public static IResourceBuilder<KeycloakResource> PublishAsRealGuardKeycloak(
        this IResourceBuilder<KeycloakResource> keycloak,
        IResourceBuilder<AzurePostgresFlexibleServerResource> postgres,
        IReadOnlyDictionary<string, IResourceBuilder<ProjectResource>> publicParts,
        ClientSecrets clientSecrets)
    {
        if (!keycloak.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            return keycloak;
        }

        var database = postgres.AddDatabase(AppHostResources.KeycloakDatabase);

        keycloak
            .WithDockerfile(Path.Combine("..", RepositoryPaths.KeycloakImage))
            // The image ran `kc.sh build` with the same build options (database vendor, health, features).
            .WithArgs("--optimized")
            .WithEnvironment("KC_HTTP_ENABLED", "true")
            .WithEnvironment("KC_PROXY_HEADERS", "xforwarded")
            // The app's public https URL: the issuer every service validates.
            .WithEnvironment("KC_HOSTNAME", keycloak.GetEndpoint("http"))
            .WithEnvironment("KC_DB_URL", ReferenceExpression.Create(
                $"jdbc:postgresql://{postgres.Resource.HostName}/{database.Resource.DatabaseName}?sslmode=require"))
            .WithEnvironment("KC_DB_USERNAME", postgres.Resource.UserName!)
            .WithEnvironment("KC_DB_PASSWORD", postgres.Resource.Password!)
            .WithReferenceRelationship(database)
            // One replica: a single Keycloak needs no cluster discovery between container apps.
            .PublishAsAzureContainerApp((_, app) =>
            {
                app.Template.Scale.MinReplicas = 1;
                app.Template.Scale.MaxReplicas = 1;
            });

        foreach (var part in ProductionRealm.PublicParts.Keys)
        {
            keycloak.WithEnvironment(ProductionRealm.OriginVariable(part), publicParts[part].GetEndpoint("http"));
        }

        foreach (var (clientId, secret) in clientSecrets.All)
        {
            keycloak.WithEnvironment(ProductionRealm.ClientSecretVariable(clientId), secret);
        }

        return keycloak;
    }
}

namespace RealGuard.AppHost;

internal static class KeycloakDeploymentExtensions
{
    /// <summary>
    /// Keycloak as deployed: production mode (<c>kc.sh start --optimized</c>) behind an ingress that terminates TLS; its
    /// own database on PostgreSQL; the realm baked into the image built from deploy/keycloak (a bind mount or container
    /// files cannot reach a container app: microsoft/aspire#6004), its <c>${...}</c> placeholders filled from the
    /// environment set here. Nothing changes in run mode.
    /// </summary>
    public static void PublishRealGuardKeycloak(
        this IDistributedApplicationBuilder builder,
        IResourceBuilder<IResourceWithServiceDiscovery> iam,
        IResourceBuilder<ProjectResource> web,
        IResourceBuilder<ProjectResource> gateway,
        ClientSecrets clientSecrets)
    {
        if (!builder.ExecutionContext.IsPublishMode || iam is not IResourceBuilder<KeycloakResource> keycloak)
        {
            return;
        }

        var postgres = builder.Resources.OfType<PostgresServerResource>().Single();
        var database = builder.CreateResourceBuilder(postgres).AddDatabase(AppHostResources.KeycloakDatabase);

        keycloak
            .WithDockerfile(builder.RepositoryPath(RepositoryPaths.KeycloakImage))
            // The image ran `kc.sh build` with the same build options (database vendor, health, features).
            .WithArgs("--optimized")
            .WithEnvironment("KC_HTTP_ENABLED", "true")
            .WithEnvironment("KC_PROXY_HEADERS", "xforwarded")
            // The app's public https URL: the issuer every service validates.
            .WithEnvironment("KC_HOSTNAME", keycloak.GetEndpoint("http"))
            .WithEnvironment("KC_DB_URL", ReferenceExpression.Create(
                $"jdbc:postgresql://{postgres.PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}/{database.Resource.DatabaseName}?sslmode=require"))
            .WithEnvironment("KC_DB_USERNAME", postgres.UserNameReference)
            .WithEnvironment("KC_DB_PASSWORD", postgres.PasswordParameter)
            .WithReferenceRelationship(database);

        keycloak.WithEnvironment(ProductionRealm.OriginVariable(StackResources.Web), web.GetEndpoint("http"));
        keycloak.WithEnvironment(ProductionRealm.OriginVariable(StackResources.Gateway), gateway.GetEndpoint("http"));
        foreach (var (clientId, secret) in clientSecrets.All)
        {
            keycloak.WithEnvironment(ProductionRealm.ClientSecretVariable(clientId), secret);
        }
    }
}

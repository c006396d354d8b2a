using Aspire.Hosting.Publishing;

namespace RealGuard.AppHost;

/// <summary>
/// What the published manifest says about the backing services azd does not deploy as container apps. The committed
/// infrastructure (infra/resources.bicep) provides them as managed Azure services: Azure Database for PostgreSQL
/// flexible server for the databases, Azure Managed Redis for <c>redis</c>. Without this, azd would deploy the
/// AppHost's <c>postgres</c> (and <c>redis</c>) containers as container apps on Azure Files, where PostgreSQL fails
/// (microsoft/aspire#6671). Nothing changes in run mode.
/// </summary>
internal static class AzureDeploymentExtensions
{
    /// <summary>The Redis resource's name, when the AppHost has one (issue 12): infra/resources.bicep provides it.</summary>
    private const string Redis = "redis";

    /// <summary>
    /// In publish mode: the PostgreSQL server container leaves the manifest; each database a project references, and
    /// <c>redis</c>, becomes a secret connection-string parameter (the shape <c>AddConnectionString(name)</c> publishes),
    /// whose value the infrastructure supplies as a Key Vault-referenced container-app secret
    /// (<c>ConnectionStrings__{name}</c>, see RealGuard.AppHost/infra/*.tmpl.yaml); Keycloak's database leaves the
    /// manifest too (keycloak.tmpl.yaml sets its JDBC URL). The <c>{NAME}_HOST</c>, <c>_PORT</c>, <c>_PASSWORD</c>...
    /// variables that name the containers are removed from the projects. Call it last, after every reference is made.
    /// </summary>
    public static IDistributedApplicationBuilder PublishRealGuardToAzure(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsPublishMode)
        {
            return builder;
        }

        var replaced = new List<IResource>();
        foreach (var server in builder.Resources.OfType<PostgresServerResource>().ToList())
        {
            server.Annotations.Add(ManifestPublishingCallbackAnnotation.Ignore);
            replaced.Add(server);
        }

        foreach (var database in builder.Resources.OfType<PostgresDatabaseResource>().ToList())
        {
            database.Annotations.Add(database.Name == AppHostResources.KeycloakDatabase
                ? ManifestPublishingCallbackAnnotation.Ignore
                : new ManifestPublishingCallbackAnnotation(context => WriteConnectionStringParameter(context, database.Name)));
            replaced.Add(database);
        }

        foreach (var redis in builder.Resources.OfType<ContainerResource>().Where(resource => resource.Name == Redis).ToList())
        {
            redis.Annotations.Add(new ManifestPublishingCallbackAnnotation(context => WriteConnectionStringParameter(context, redis.Name)));
            replaced.Add(redis);
        }

        var prefixes = replaced.Select(resource => resource.Name.ToUpperInvariant().Replace('-', '_') + "_").ToArray();
        foreach (var resource in builder.Resources.OfType<ProjectResource>())
        {
            resource.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
            {
                foreach (var name in context.EnvironmentVariables.Keys.Where(name => prefixes.Any(name.StartsWith)).ToList())
                {
                    context.EnvironmentVariables.Remove(name);
                }
            }));
        }

        return builder;
    }

    /// <summary>What <c>AddConnectionString(name)</c> writes in publish mode: a secret parameter without a value.</summary>
    private static void WriteConnectionStringParameter(ManifestPublishingContext context, string name)
    {
        var writer = context.Writer;
        writer.WriteString("type", "parameter.v0");
        writer.WriteString("connectionString", $"{{{name}.value}}");
        writer.WriteString("value", $"{{{name}.inputs.value}}");
        writer.WriteStartObject("inputs");
        writer.WriteStartObject("value");
        writer.WriteString("type", "string");
        writer.WriteBoolean("secret", true);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}

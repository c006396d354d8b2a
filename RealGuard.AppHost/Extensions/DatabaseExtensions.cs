using Aspire.Hosting.Azure;

namespace RealGuard.AppHost;

internal static class DatabaseExtensions
{
    /// <summary>
    /// A PostgreSQL container with a data volume on F5; Azure Database for PostgreSQL flexible server when deployed.
    /// Password authentication, because Keycloak's JDBC driver cannot use Entra ID tokens; the connection strings
    /// the services get are kept in a Key Vault the integration creates.
    /// </summary>
    public static IResourceBuilder<AzurePostgresFlexibleServerResource> AddRealGuardPostgres(this IDistributedApplicationBuilder builder) =>
        builder.AddAzurePostgresFlexibleServer(AppHostResources.Postgres)
            .WithPasswordAuthentication()
            .RunAsContainer(container => container.WithDataVolume());

    /// <summary>A SQLite file under <c>.data/aspire/{name}</c>: RealGuard picks the provider from the connection string.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddSqliteDatabase(this IDistributedApplicationBuilder builder, string name)
    {
        var file = Path.Combine(builder.LocalDataFolder(name), $"{name}.db");
        return builder.AddConnectionString(name, ReferenceExpression.Create($"Data Source={file}"));
    }
}

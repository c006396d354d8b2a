namespace RealGuard.AppHost;

internal static class DatabaseExtensions
{
    /// <summary>
    /// One database per service: on the PostgreSQL container (with a data volume) when containers run, otherwise a
    /// SQLite file under the data folder. RealGuard.Persistence picks the provider from the connection string.
    /// </summary>
    public static Func<string, IResourceBuilder<IResourceWithConnectionString>> AddRealGuardDatabases(
        this IDistributedApplicationBuilder builder, HostingMode mode)
    {
        if (mode.UsesContainers)
        {
            var postgres = builder.AddPostgres(AppHostResources.Postgres).WithDataVolume();
            return name => postgres.AddDatabase(name);
        }

        return name => builder.AddConnectionString(name,
            ReferenceExpression.Create($"Data Source={Path.Combine(builder.DataFolder(name), name + ".db")}"));
    }

    public static string RepositoryPath(this IDistributedApplicationBuilder builder, string relativePath) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", relativePath));

    /// <summary>A folder of its own under <c>RealGuard:DataPath</c> (default <c>.data/aspire</c>, git-ignored), created on first use.</summary>
    public static string DataFolder(this IDistributedApplicationBuilder builder, string name)
    {
        var root = builder.Configuration[AppHostResources.DataPathSetting] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : builder.RepositoryPath(RepositoryPaths.LocalData);
        return Directory.CreateDirectory(Path.Combine(root, name)).FullName;
    }
}

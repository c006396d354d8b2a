using Microsoft.Extensions.Configuration;

namespace RealGuard.AppHost;

internal static class RunModeExtensions
{
    /// <summary>
    /// Keycloak and PostgreSQL containers (the default, and always when publishing), or, with
    /// <c>RealGuard:UseContainers=false</c> (launch profile <c>no-containers</c>), the development identity
    /// provider and SQLite: F5 on a machine without a container runtime.
    /// </summary>
    public static bool UsesContainers(this IDistributedApplicationBuilder builder) =>
        builder.ExecutionContext.IsPublishMode
        || builder.Configuration.GetValue(AppHostResources.UseContainersSetting, defaultValue: true);

    public static string RepositoryPath(this IDistributedApplicationBuilder builder, string relativePath) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", relativePath));

    /// <summary>A git-ignored folder of its own under <c>.data/aspire</c>, created on first use.</summary>
    public static string LocalDataFolder(this IDistributedApplicationBuilder builder, string name) =>
        Directory.CreateDirectory(Path.Combine(builder.RepositoryPath(RepositoryPaths.LocalData), name)).FullName;
}

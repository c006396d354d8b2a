namespace RealGuard.AppHost;

/// <summary>Resources only the AppHost defines. The names of RealGuard's parts, databases and configuration keys are in StackResources.cs.</summary>
public static class AppHostResources
{
    /// <summary>PostgreSQL: a local container on F5 with a container runtime, Azure Database for PostgreSQL when deployed.</summary>
    public const string Postgres = "postgres";

    /// <summary>Keycloak's own database on <see cref="Postgres"/> (deployed Keycloak only; F5 uses Keycloak's dev store).</summary>
    public const string KeycloakDatabase = "keycloakdb";

    /// <summary><c>true</c> or <c>false</c> forces the mode; unset, the AppHost probes for a container runtime.</summary>
    public const string UseContainersSetting = "RealGuard:UseContainers";

    /// <summary>Where container-free runs keep SQLite files and the identity provider's data; default <see cref="RepositoryPaths.LocalData"/>.</summary>
    public const string DataPathSetting = "RealGuard:DataPath";

    /// <summary>The dashboard resource that says which mode runs and why.</summary>
    public const string HostingModeResource = "hosting-mode";

    /// <summary>Aspire parameter holding a Keycloak client's secret, e.g. <c>realguard-web-client-secret</c>.</summary>
    public static string ClientSecretParameter(string clientId) => $"{clientId}-client-secret";
}

/// <summary>Files the AppHost and the deployment use, relative to the repository root.</summary>
public static class RepositoryPaths
{
    public const string RealmExport = "realm-export.json";

    /// <summary>The Docker build context of the deployed Keycloak image.</summary>
    public const string KeycloakImage = "deploy/keycloak";

    public const string KeycloakDockerfile = KeycloakImage + "/Dockerfile";

    /// <summary>The production realm, generated from <see cref="RealmExport"/> (see docs/aspire.md).</summary>
    public const string ProductionRealm = KeycloakImage + "/realguard-realm.json";

    /// <summary>Where container-free runs keep SQLite files and the identity provider's keys (git-ignored).</summary>
    public const string LocalData = ".data/aspire";

    public const string AppHostProject = "RealGuard.AppHost/RealGuard.AppHost.csproj";
}

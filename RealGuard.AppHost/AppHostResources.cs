namespace RealGuard.AppHost;

// Plain C# (no Aspire types): tests/RealGuard.AppHost.Tests compiles this file too, so the tests read the same
// names and paths the AppHost uses.

/// <summary>
/// Resources only the AppHost defines: the local runner has no database server and no cloud environment.
/// The names of RealGuard's parts, databases and configuration keys are in StackResources.cs.
/// </summary>
public static class AppHostResources
{
    /// <summary>The Azure Container Apps environment every part is deployed into.</summary>
    public const string ContainerAppsEnvironment = "realguard-aca";

    /// <summary>PostgreSQL: a local container on F5, Azure Database for PostgreSQL flexible server when deployed.</summary>
    public const string Postgres = "postgres";

    /// <summary>Keycloak's own database on <see cref="Postgres"/> (deployed Keycloak only; F5 uses Keycloak's dev store).</summary>
    public const string KeycloakDatabase = "keycloakdb";

    /// <summary>The configuration switch: <c>false</c> runs the development identity provider and SQLite, no containers.</summary>
    public const string UseContainersSetting = "RealGuard:UseContainers";

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

    /// <summary>Where F5 without containers keeps SQLite files and the identity provider's keys (git-ignored).</summary>
    public const string LocalData = ".data/aspire";

    public const string AppHostProject = "RealGuard.AppHost/RealGuard.AppHost.csproj";
}

namespace RealGuard.IdentityProvider.Tests.Infrastructure;

/// <summary>Files the tests read from the repository and from the shared folder beside it (there in CI too).</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding RealGuard.sln above the test output.</summary>
    public static string Root { get; } = FindRoot();

    public static string RealmFile => Path.Combine(Root, "realm-export.json");

    /// <summary><c>{repo}/../shared/reference/keycloak</c>, the real Keycloak exports; null where it is absent.</summary>
    public static string? KeycloakReference { get; } = Existing(Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "keycloak")));

    public const string KeycloakReferenceMissing =
        "The real Keycloak exports (<repo>/../shared/reference/keycloak: weathershop-realm.json, test-realm-kc19.json) are not present on this machine.";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RealGuard.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No RealGuard.sln above {AppContext.BaseDirectory}");
    }

    private static string? Existing(string folder) =>
        File.Exists(Path.Combine(folder, "weathershop-realm.json")) && File.Exists(Path.Combine(folder, "test-realm-kc19.json")) ? folder : null;
}

/// <summary>A fact that is skipped, saying why, where the real Keycloak exports are absent.</summary>
public sealed class KeycloakReferenceFactAttribute : FactAttribute
{
    public KeycloakReferenceFactAttribute()
    {
        if (RepositoryPaths.KeycloakReference is null)
        {
            Skip = RepositoryPaths.KeycloakReferenceMissing;
        }
    }
}

/// <summary>A theory that is skipped, saying why, where the real Keycloak exports are absent.</summary>
public sealed class KeycloakReferenceTheoryAttribute : TheoryAttribute
{
    public KeycloakReferenceTheoryAttribute()
    {
        if (RepositoryPaths.KeycloakReference is null)
        {
            Skip = RepositoryPaths.KeycloakReferenceMissing;
        }
    }
}

using System.Text.RegularExpressions;
using RealGuard.AppHost.Tests.Infrastructure;

namespace RealGuard.AppHost.Tests;

/// <summary>deploy/keycloak/Dockerfile: the Keycloak image azd builds and deploys.</summary>
public sealed partial class KeycloakImageTests
{
    private static readonly IReadOnlyList<string> Instructions = ReadInstructions(Repository.Read(RepositoryPaths.KeycloakDockerfile));

    [Fact]
    public void Both_stages_start_from_the_Keycloak_26_image()
    {
        var bases = Instructions.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, bases.Count);
        Assert.All(bases, line => Assert.Matches(KeycloakImage(), line));
        Assert.Single(bases.Select(line => KeycloakImage().Match(line).Groups["tag"].Value).Distinct());
    }

    [Fact]
    public void Build_stage_fixes_the_PostgreSQL_vendor_health_and_telemetry_before_kc_build()
    {
        var build = Instructions.TakeWhile(line => !line.StartsWith("RUN /opt/keycloak/bin/kc.sh build", StringComparison.Ordinal)).ToList();

        Assert.True(build.Count < Instructions.Count, "The image never runs `kc.sh build`.");
        var environment = string.Join(' ', build.Where(line => line.StartsWith("ENV ", StringComparison.Ordinal)));
        Assert.Contains("KC_DB=postgres", environment);
        Assert.Contains("KC_HEALTH_ENABLED=true", environment);
        // The AppHost's WithOtlpExporter() turns the feature on at run time; `start --optimized` needs it built in.
        var appHostEnablesTelemetry = Repository.AppHostSources().Values.Any(source => source.Contains(".WithOtlpExporter()", StringComparison.Ordinal));
        Assert.Equal(appHostEnablesTelemetry, environment.Contains("KC_FEATURES=opentelemetry", StringComparison.Ordinal));
    }

    [Fact]
    public void Final_stage_copies_the_built_server_and_the_generated_realm_into_the_import_folder()
    {
        var final = Instructions.SkipWhile(line => !line.StartsWith("FROM ", StringComparison.Ordinal)).Skip(1)
            .SkipWhile(line => !line.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        var realmFile = Path.GetFileName(RepositoryPaths.ProductionRealm);

        Assert.Contains("COPY --from=builder /opt/keycloak/ /opt/keycloak/", final);
        var copy = Assert.Single(final, line => line.StartsWith("COPY ", StringComparison.Ordinal) && line.Contains(realmFile, StringComparison.Ordinal));
        Assert.EndsWith($" /opt/keycloak/data/import/{realmFile}", copy);
        Assert.True(Repository.Exists(Path.Combine(RepositoryPaths.KeycloakImage, realmFile)), $"The build context has no {realmFile}.");
    }

    [Fact]
    public void Server_starts_in_production_mode_and_imports_the_realm()
    {
        Assert.Contains("ENTRYPOINT [\"/opt/keycloak/bin/kc.sh\"]", Instructions);
        Assert.Contains("CMD [\"start\", \"--optimized\", \"--import-realm\"]", Instructions);
    }

    /// <summary>Instructions one per line: comments dropped, continuation lines joined.</summary>
    private static List<string> ReadInstructions(string dockerfile) =>
        Regex.Replace(dockerfile, @"\\\r?\n\s*", " ")
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();

    [GeneratedRegex(@"^FROM quay\.io/keycloak/keycloak:(?<tag>26(\.\d+){0,2})( AS \w+)?$")]
    private static partial Regex KeycloakImage();
}

using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace RealGuard.AppHost;

/// <summary>
/// Whether RealGuard runs Keycloak and PostgreSQL as containers, or the development identity provider and SQLite
/// as local processes and files: decided once at start, shown on the console and in the dashboard.
/// </summary>
internal sealed record HostingMode(bool UsesContainers, string Reason)
{
    /// <summary>
    /// Publishing always uses containers. Otherwise <c>RealGuard:UseContainers</c> (true or false) decides when set;
    /// when not, a container runtime that answers (as DCP finds one: <c>ASPIRE_CONTAINER_RUNTIME</c>, else Docker,
    /// else Podman) means containers.
    /// </summary>
    public static HostingMode Decide(IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return new(true, "publishing: Keycloak and PostgreSQL are deployed as containers");
        }

        if (builder.Configuration.GetValue<bool?>(AppHostResources.UseContainersSetting) is { } configured)
        {
            return new(configured, $"{AppHostResources.UseContainersSetting}={configured.ToString().ToLowerInvariant()}");
        }

        var preferred = builder.Configuration["ASPIRE_CONTAINER_RUNTIME"] ?? builder.Configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"];
        string[] runtimes = preferred is { Length: > 0 } ? [preferred] : ["docker", "podman"];
        foreach (var runtime in runtimes)
        {
            if (Answers(runtime))
            {
                return new(true, $"the container runtime '{runtime}' answers");
            }
        }

        return new(false, $"no container runtime answers ({string.Join(", ", runtimes)}); set {AppHostResources.UseContainersSetting}=true to insist");
    }

    public string Description => UsesContainers
        ? "containers: Keycloak and PostgreSQL"
        : "container-free: the development identity provider (Keycloak-compatible) and SQLite";

    /// <summary>True when <c>{runtime} info</c> reaches a daemon within a few seconds.</summary>
    private static bool Answers(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false; // not installed
        }
    }
}

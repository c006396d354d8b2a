using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace RealGuard.AppHost.Tests.Infrastructure;

/// <summary>
/// The Bicep compiler of the <c>Azure.Bicep.CommandLine.linux-x64</c> NuGet package (a native executable at
/// <c>tools/bicep</c> in the package folder; the test project records that path at build time, see its .csproj).
/// </summary>
internal static class BicepCli
{
    public static string Executable { get; } = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "BicepExecutable").Value!;

    /// <summary><c>bicep build file --stdout</c>: the ARM template, and the diagnostics Bicep wrote (errors and warnings).</summary>
    public static async Task<Compilation> BuildAsync(string bicepFile)
    {
        if (!File.Exists(Executable))
        {
            throw new FileNotFoundException($"The Bicep CLI is not at {Executable}: restore the test project (Azure.Bicep.CommandLine.linux-x64).", Executable);
        }

        using var process = Process.Start(new ProcessStartInfo(Executable, ["build", bicepFile, "--stdout"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // No telemetry or update checks from a test run.
            Environment = { ["BICEP_TELEMETRY_ENABLED"] = "false", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        var diagnostics = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var template = process.ExitCode == 0 ? JsonNode.Parse(await output)!.AsObject() : null;
        return new Compilation(bicepFile, process.ExitCode, template, diagnostics);
    }

    public sealed record Compilation(string File, int ExitCode, JsonObject? Template, IReadOnlyList<string> Diagnostics)
    {
        public IEnumerable<string> Errors => Diagnostics.Where(line => line.Contains(": Error ", StringComparison.Ordinal));

        public IEnumerable<string> Warnings => Diagnostics.Where(line => line.Contains(": Warning ", StringComparison.Ordinal));

        public JsonObject Arm => Template ?? throw new InvalidOperationException($"{File} did not compile:\n{string.Join('\n', Diagnostics)}");
    }
}

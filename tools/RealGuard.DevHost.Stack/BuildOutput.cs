using System.Reflection;

namespace RealGuard.DevHost;

/// <summary>Where the parts' build output is: the configuration this runner was built with, and the dotnet host to run it.</summary>
internal static class BuildOutput
{
    public static string Configuration { get; } = Metadata("RealGuard.DevHost.Configuration") ?? "Debug";

    public static string TargetFramework { get; } = Metadata("RealGuard.DevHost.TargetFramework") ?? "net10.0";

    /// <summary><c>{project dir}/bin/{configuration}/{tfm}/{assembly}.dll</c></summary>
    public static string AssemblyPath(string repositoryRoot, StackPart part, string configuration) =>
        Path.Combine(repositoryRoot, part.ProjectDirectory, "bin", configuration, TargetFramework, part.AssemblyName + ".dll");

    /// <summary>The dotnet host of the runtime this runner runs on, so the parts run on the same one.</summary>
    public static string DotnetHost { get; } = FindDotnetHost();

    private static string FindDotnetHost()
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Path.GetFileName(Environment.ProcessPath) == executable)
        {
            return Environment.ProcessPath!;
        }

        // {root}/shared/Microsoft.NETCore.App/{version}/System.Private.CoreLib.dll
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var root = runtimeDirectory is null ? null : Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var candidate = root is null ? null : Path.Combine(root, executable);
        return File.Exists(candidate) ? candidate : executable;
    }

    private static string? Metadata(string key) =>
        typeof(BuildOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == key)?.Value;
}

namespace RealGuard.AppHost.Tests.Infrastructure;

/// <summary>The repository the tests run from: the folder holding RealGuard.sln above the test output.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public static bool Exists(string relativePath) => File.Exists(PathOf(relativePath));

    /// <summary>The AppHost's own C# sources (not the files it links from elsewhere), by path relative to the root.</summary>
    public static IReadOnlyDictionary<string, string> AppHostSources() =>
        Directory.EnumerateFiles(PathOf("RealGuard.AppHost"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToDictionary(file => Path.GetRelativePath(Root, file).Replace('\\', '/'), File.ReadAllText);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RealGuard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No RealGuard.sln above {AppContext.BaseDirectory}.");
    }
}

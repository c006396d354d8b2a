namespace RealGuard.Gateway.Tests.Infrastructure;

internal static class Repository
{
    /// <summary>The folder holding RealGuard.sln, above the test's build output.</summary>
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RealGuard.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No RealGuard.sln above {AppContext.BaseDirectory}.");
    }
}

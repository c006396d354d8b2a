namespace RealGuard.Testing.AppHost;

/// <summary>Files of the repository the tests run from (the folder holding RealGuard.sln above the build output).</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> RootFolder = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RealGuard.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No RealGuard.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootFolder.Value;

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);
}

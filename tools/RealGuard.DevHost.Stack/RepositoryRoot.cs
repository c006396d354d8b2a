namespace RealGuard.DevHost;

internal static class RepositoryRoot
{
    private const string Marker = "RealGuard.sln";

    /// <summary>The nearest folder holding RealGuard.sln above the build output, or else above the current directory.</summary>
    public static string Find() =>
        FindAbove(AppContext.BaseDirectory)
        ?? FindAbove(Environment.CurrentDirectory)
        ?? throw new InvalidOperationException($"No {Marker} found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");

    public static string? FindAbove(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}

namespace RealGuard.DevHost;

/// <summary>Where a running stack lives: its ports, folders and realm; what part environments are computed from.</summary>
public sealed class StackContext(
    string repositoryRoot,
    string dataRoot,
    IReadOnlyDictionary<string, int> ports,
    string? realmImportPath = null,
    IReadOnlyDictionary<string, string>? connectionStrings = null)
{
    public string RepositoryRoot { get; } = repositoryRoot;

    public string DataRoot { get; } = dataRoot;

    public IReadOnlyDictionary<string, int> Ports { get; } = ports;

    public string RealmImportPath =>
        realmImportPath ?? throw new InvalidOperationException("The stack defines no realm file.");

    public int Port(string part) =>
        Ports.TryGetValue(part, out var port) ? port : throw new ArgumentException($"The stack has no part named '{part}'.", nameof(part));

    public string Url(string part) => $"http://localhost:{Port(part)}";

    /// <summary>A folder of its own for a part's files (keys, databases), created on first use.</summary>
    public string DataFolder(string name) => Directory.CreateDirectory(Path.Combine(DataRoot, name)).FullName;

    public string ConnectionString(string database) =>
        connectionStrings?.GetValueOrDefault(database) ?? $"Data Source={Path.Combine(DataFolder(database), database + ".db")}";
}

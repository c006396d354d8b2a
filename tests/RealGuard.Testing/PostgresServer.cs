using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RealGuard.Testing;

/// <summary>
/// A private PostgreSQL cluster for tests: Debian's binaries (<c>/usr/lib/postgresql/{version}/bin</c>, newest
/// version), <c>initdb</c> into a temp folder, trust authentication, listening on 127.0.0.1 on a free port with its
/// unix sockets in that folder. Stopped and deleted on dispose. PostgreSQL refuses to run as root, so under root
/// every server command runs as the <c>postgres</c> user (<c>runuser</c>, else <c>su</c>) on a folder it owns.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>Set to <c>1</c> (CI does) to make a missing PostgreSQL a test failure instead of a skip.</summary>
    public const string RequireVariable = "REALGUARD_REQUIRE_POSTGRES";

    /// <summary>The superuser of the cluster; also the user in <see cref="CreateDatabaseAsync"/>'s connection strings.</summary>
    public const string UserName = "postgres";

    private const string DebianRoot = "/usr/lib/postgresql";
    private const string ServerUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<(Installation? Found, string Reason)> Installed = new(FindInstallation);

    private readonly Installation installation;
    private int disposed;

    private PostgresServer(Installation installation, string folder, int port)
    {
        this.installation = installation;
        Folder = folder;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
    }

    /// <summary>Whether a server can be started here: the binaries exist (and, under root, a way to run them as postgres).</summary>
    public static bool IsAvailable => Installed.Value.Found is not null;

    /// <summary>Whether the environment demands PostgreSQL tests run (<see cref="RequireVariable"/> = 1).</summary>
    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) is "1" or "true";

    /// <summary>Why no server can start here, or null when it can.</summary>
    public static string? UnavailableReason => IsAvailable ? null : Installed.Value.Reason;

    /// <summary>The temp folder holding the cluster (<c>data/</c>), its sockets and its log.</summary>
    public string Folder { get; }

    public int Port { get; }

    /// <summary>The major version in use, e.g. 15.</summary>
    public int Version => installation.Version;

    private string DataFolder => Path.Combine(Folder, "data");

    private string LogFile => Path.Combine(Folder, "server.log");

    /// <summary>Initialises and starts a new cluster; throws <see cref="InvalidOperationException"/> with the reason when it cannot.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var installation = Installed.Value.Found ?? throw new InvalidOperationException(Installed.Value.Reason);
        var folder = await CreateFolderAsync(installation);
        try
        {
            await installation.RunAsync("initdb",
                ["--pgdata", Path.Combine(folder, "data"), "--username", UserName, "--auth", "trust", "--encoding", "UTF8",
                 "--locale", "C", "--no-sync"]);

            // A free port can be taken between probing and binding: try a few.
            for (var attempt = 1; ; attempt++)
            {
                var server = new PostgresServer(installation, folder, FreePort());
                try
                {
                    await server.StartServerAsync();
                    return server;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                }
            }
        }
        catch
        {
            DeleteFolder(folder);
            throw;
        }
    }

    /// <summary>Creates a database and returns its Npgsql connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await installation.RunAsync("createdb", ["--host", "127.0.0.1", "--port", Port.ToString(), "--username", UserName, name], asServerUser: false);
        return ConnectionString(name);
    }

    /// <summary>The Npgsql connection string of a database in this cluster (<c>postgres</c> always exists).</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username={UserName}";

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        try
        {
            await installation.RunAsync("pg_ctl", ["stop", "--pgdata", DataFolder, "--mode", "immediate", "--wait"]);
        }
        catch (InvalidOperationException)
        {
            // Already gone; the folder goes anyway.
        }

        DeleteFolder(Folder);
    }

    // The test host is going away without disposing the server: leave no postgres process behind.
    private void StopOnExit(object? sender, EventArgs e) => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private Task StartServerAsync() =>
        installation.RunAsync("pg_ctl",
            ["start", "--pgdata", DataFolder, "--log", LogFile, "--wait", "--timeout", "60",
             // No durability needed for tests: fsync off keeps migrations fast on a busy machine.
             "-o", $"-h 127.0.0.1 -p {Port} -k {Folder} -F -c max_connections=200"],
            describeFailure: () => File.Exists(LogFile) ? "\nServer log:\n" + File.ReadAllText(LogFile) : "");

    private static async Task<string> CreateFolderAsync(Installation installation)
    {
        if (!installation.RunsAsServerUser)
        {
            return Directory.CreateTempSubdirectory("realguard-postgres-").FullName;
        }

        // Created by postgres itself, so it owns the folder and may write there.
        var output = await installation.RunAsync("mktemp", ["-d", Path.Combine(Path.GetTempPath(), "realguard-postgres-XXXXXXXX")], useBinFolder: false);
        return output.Trim();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static (Installation? Found, string Reason) FindInstallation()
    {
        var newest = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(folder => (Folder: folder, Version: int.TryParse(Path.GetFileName(folder), out var version) ? version : -1))
                .Where(candidate => candidate.Version > 0
                    && File.Exists(Path.Combine(candidate.Folder, "bin", "initdb"))
                    && File.Exists(Path.Combine(candidate.Folder, "bin", "pg_ctl")))
                .OrderByDescending(candidate => candidate.Version)
                .FirstOrDefault()
            : default;
        if (newest.Folder is null)
        {
            return (null,
                $"PostgreSQL is not installed: no {DebianRoot}/*/bin/initdb and pg_ctl (apt-get install -y postgresql). " +
                $"Tests that need it are skipped unless {RequireVariable}=1, which makes them fail.");
        }

        var bin = Path.Combine(newest.Folder, "bin");
        if (Environment.UserName != "root")
        {
            return (new Installation(bin, newest.Version, Switch: null), "");
        }

        string[] switchers = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/usr/bin/su", "/bin/su"];
        var switcher = switchers.FirstOrDefault(File.Exists);
        if (switcher is null || !UserExists(ServerUser))
        {
            return (null,
                $"PostgreSQL refuses to run as root and there is no way to run it as '{ServerUser}' " +
                "(needs runuser or su, and the postgres user the Debian package creates). " +
                $"Tests that need it are skipped unless {RequireVariable}=1, which makes them fail.");
        }

        return (new Installation(bin, newest.Version, switcher), "");
    }

    private static bool UserExists(string name) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(name + ":", StringComparison.Ordinal));

    /// <param name="Switch">runuser or su when running as root, else null.</param>
    private sealed record Installation(string BinFolder, int Version, string? Switch)
    {
        public bool RunsAsServerUser => Switch is not null;

        /// <summary>Runs a command to completion; throws with its output when it fails.</summary>
        public async Task<string> RunAsync(string command, IReadOnlyList<string> arguments, bool asServerUser = true,
            bool useBinFolder = true, Func<string>? describeFailure = null)
        {
            var program = useBinFolder ? Path.Combine(BinFolder, command) : command;
            var startInfo = new ProcessStartInfo
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };

            if (asServerUser && Switch is not null && Switch.EndsWith("runuser", StringComparison.Ordinal))
            {
                startInfo.FileName = Switch;
                foreach (var argument in new[] { "-u", ServerUser, "--", program }.Concat(arguments))
                {
                    startInfo.ArgumentList.Add(argument);
                }
            }
            else if (asServerUser && Switch is not null)
            {
                startInfo.FileName = Switch;
                foreach (var argument in new[] { ServerUser, "-s", "/bin/sh", "-c", string.Join(' ', arguments.Prepend(program).Select(ShellQuote)) })
                {
                    startInfo.ArgumentList.Add(argument);
                }
            }
            else
            {
                startInfo.FileName = program;
                foreach (var argument in arguments)
                {
                    startInfo.ArgumentList.Add(argument);
                }
            }

            using var process = Process.Start(startInfo)
                ?? throw new InvalidOperationException($"Could not start {program}.");
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(CommandTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{command} did not finish within {CommandTimeout.TotalSeconds:0} s.{describeFailure?.Invoke()}");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(new StringBuilder()
                    .Append($"{command} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n")
                    .Append(await output).Append(await error).Append(describeFailure?.Invoke())
                    .ToString());
            }

            return await output;
        }

        private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''") + "'";
    }
}

using System.ComponentModel;
using System.Diagnostics;

namespace RealGuard.DevHost;

/// <summary>
/// A stack running as local processes: started in dependency order, each part waited for until healthy,
/// stopped as a whole (process trees included) on dispose.
/// </summary>
public sealed class LocalStack : IAsyncDisposable
{
    private readonly LocalStackOptions options;
    private readonly StackContext context;
    private readonly string configuration;
    private readonly string runFolder;
    private readonly IReadOnlyDictionary<string, string> runnerEnvironment = PartEnvironment.OfCurrentProcess();
    private readonly Dictionary<string, RunningPart> parts;
    private readonly HealthProbe health = new();
    private readonly TaskCompletionSource<PartExit> unexpectedExit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int disposed;

    private LocalStack(StackDefinition definition, IReadOnlyList<StackPart> startOrder, StackContext context, LocalStackOptions options, string runFolder)
    {
        Definition = definition;
        StartOrder = startOrder.Select(part => part.Name).ToList();
        this.context = context;
        this.options = options;
        this.runFolder = runFolder;
        configuration = options.Configuration ?? BuildOutput.Configuration;
        parts = startOrder.ToDictionary(part => part.Name, part => new RunningPart(part));
        AppDomain.CurrentDomain.ProcessExit += KillAllNow;
    }

    public StackDefinition Definition { get; }

    public IReadOnlyList<string> StartOrder { get; }

    public string RepositoryRoot => context.RepositoryRoot;

    public string DataRoot => context.DataRoot;

    /// <summary>What the identity provider imports: the realm file itself, or the folder of its generated copy.</summary>
    public string RealmImportPath => context.RealmImportPath;

    /// <summary>Completes with the first part that exits while no one is stopping it.</summary>
    public Task<PartExit> UnexpectedExit => unexpectedExit.Task;

    public static async Task<LocalStack> StartAsync(
        StackDefinition definition,
        LocalStackOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new LocalStackOptions();
        var startOrder = DevHost.StartOrder.Resolve(definition);
        var repositoryRoot = Path.GetFullPath(options.RepositoryRoot ?? DevHost.RepositoryRoot.Find());
        var ports = AllocatePorts(startOrder, options.UseFreePorts);
        var runFolder = Path.Combine(Path.GetTempPath(), "realguard-devhost", "run-" + Guid.NewGuid().ToString("N")[..12]);
        var dataRoot = Directory.CreateDirectory(options.DataRoot ?? Path.Combine(repositoryRoot, ".data")).FullName;
        var realmImportPath = PrepareRealm(definition, repositoryRoot, ports, runFolder, options.AdjustRealm);
        var context = new StackContext(repositoryRoot, dataRoot, ports, realmImportPath, options.ConnectionStrings);

        var stack = new LocalStack(definition, startOrder, context, options, runFolder);
        try
        {
            foreach (var part in startOrder)
            {
                await stack.StartPartAsync(part.Name, cancellationToken);
            }

            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    public int Port(string part) => context.Port(part);

    /// <summary><c>http://localhost:{port}</c>, no trailing slash.</summary>
    public string Url(string part) => context.Url(part);

    public bool IsRunning(string part) => Part(part).State == PartState.Running;

    public int? ProcessId(string part) => Part(part).Process?.Id;

    /// <summary>The part's last lines of stdout and stderr, across restarts.</summary>
    public IReadOnlyList<string> RecentLogs(string part) => Part(part).Logs.Snapshot();

    /// <summary>The environment the part was last started with (on top of the runner's own).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentOf(string part) => Part(part).Environment;

    /// <summary>Starts a part (again) on its port and waits until it is healthy; does nothing if it runs.</summary>
    public async Task StartPartAsync(string name, CancellationToken cancellationToken = default)
    {
        var part = Part(name);
        await part.Gate.WaitAsync(cancellationToken);
        try
        {
            if (part.State is PartState.Starting or PartState.Running)
            {
                return;
            }

            if (part.Process is not null)
            {
                await StopCoreAsync(part); // exited on its own; release it
            }

            var stopwatch = Stopwatch.StartNew();
            var process = Launch(part);
            var healthUrl = new Uri(Url(name) + part.Definition.HealthPath);
            HealthProbe.Outcome outcome;
            try
            {
                outcome = await health.WaitAsync(healthUrl, process.Exited, options.HealthTimeout, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await StopCoreAsync(part);
                throw;
            }

            if (outcome == HealthProbe.Outcome.Healthy)
            {
                part.State = PartState.Running;
                options.Output.Status($"{name} is healthy after {stopwatch.Elapsed.TotalSeconds:0.0} s");
                return;
            }

            await StopCoreAsync(part);
            throw outcome == HealthProbe.Outcome.Exited
                ? new StackStartException(name, $"exited with code {await process.Exited} before becoming healthy.",
                    await process.Exited, part.Logs.Snapshot())
                : new StackStartException(name, $"did not become healthy: {healthUrl} did not answer 200 within {options.HealthTimeout.TotalSeconds:0.#} s.",
                    null, part.Logs.Snapshot());
        }
        finally
        {
            part.Gate.Release();
        }
    }

    /// <summary>Stops a part (SIGTERM, then its process tree killed after the grace period); it stays stopped until started.</summary>
    public async Task StopPartAsync(string name)
    {
        var part = Part(name);
        await part.Gate.WaitAsync();
        try
        {
            if (part.Process is not null)
            {
                await StopCoreAsync(part);
                options.Output.Status($"{name} stopped");
            }
        }
        finally
        {
            part.Gate.Release();
        }
    }

    public async Task RestartPartAsync(string name, CancellationToken cancellationToken = default)
    {
        await StopPartAsync(name);
        await StartPartAsync(name, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        // All at once: a .NET part takes about 1.5 s to exit after SIGTERM.
        await Task.WhenAll(StartOrder.Select(StopPartAsync));

        AppDomain.CurrentDomain.ProcessExit -= KillAllNow;
        health.Dispose();
        DeleteFolder(runFolder);
        if (options.DeleteDataRootOnDispose)
        {
            DeleteFolder(DataRoot);
        }
    }

    /// <summary><c>dotnet {project}/bin/{configuration}/{tfm}/{assembly}.dll</c> in the project folder (its content root).</summary>
    private PartProcess Launch(RunningPart part)
    {
        var name = part.Definition.Name;
        var assembly = BuildOutput.AssemblyPath(context.RepositoryRoot, part.Definition, configuration);
        if (!File.Exists(assembly))
        {
            throw new StackStartException(name,
                $"is not built: {assembly} does not exist. `dotnet run --project tools/RealGuard.DevHost` builds the parts " +
                $"(or `dotnet build {part.Definition.ProjectPath} -c {configuration}`).");
        }

        part.Environment = DevHost.PartEnvironment.Compose(
            part.Definition, context, runnerEnvironment, options.PartEnvironment.GetValueOrDefault(name));
        var startInfo = new ProcessStartInfo(BuildOutput.DotnetHost)
        {
            WorkingDirectory = Path.Combine(context.RepositoryRoot, part.Definition.ProjectDirectory),
            ArgumentList = { assembly },
        };
        foreach (var (key, value) in part.Environment)
        {
            startInfo.Environment[key] = value;
        }

        options.Output.Status($"Starting {name} on {Url(name)}");
        try
        {
            part.Process = PartProcess.Start(name, startInfo, part.Logs, options.Output);
        }
        catch (Win32Exception e)
        {
            throw new StackStartException(name, $"could not be started with {startInfo.FileName}: {e.Message}");
        }

        part.State = PartState.Starting;
        _ = WatchForUnexpectedExitAsync(part, part.Process);
        return part.Process;
    }

    private async Task StopCoreAsync(RunningPart part)
    {
        part.State = PartState.Stopping;
        await part.Process!.StopAsync(options.StopGracePeriod);
        part.Process = null;
        part.State = PartState.Stopped;
    }

    private async Task WatchForUnexpectedExitAsync(RunningPart part, PartProcess process)
    {
        var exitCode = await process.Exited;

        // Starting and stopping hold the gate, so the state seen here is settled.
        await part.Gate.WaitAsync();
        try
        {
            if (part.Process == process && part.State == PartState.Running)
            {
                part.State = PartState.Exited;
                unexpectedExit.TrySetResult(new PartExit(part.Definition.Name, exitCode, part.Logs.Snapshot()));
            }
        }
        finally
        {
            part.Gate.Release();
        }
    }

    // The test host or runner is going away without disposing the stack: leave no processes behind.
    private void KillAllNow(object? sender, EventArgs e)
    {
        foreach (var part in parts.Values)
        {
            part.Process?.KillTree();
        }
    }

    private RunningPart Part(string name) =>
        parts.GetValueOrDefault(name) ?? throw new ArgumentException($"The stack has no part named '{name}'.", nameof(name));

    private static Dictionary<string, int> AllocatePorts(IReadOnlyList<StackPart> parts, bool useFreePorts)
    {
        if (useFreePorts)
        {
            return parts.Zip(PortAllocator.FreePorts(parts.Count)).ToDictionary(pair => pair.First.Name, pair => pair.Second);
        }

        var taken = parts.FirstOrDefault(part => !PortAllocator.IsFree(part.Port));
        if (taken is not null)
        {
            throw new StackStartException(taken.Name,
                $"cannot listen on port {taken.Port}: it is in use. Is the stack already running? (Tests use LocalStackOptions.ForTests() for free ports.)");
        }

        return parts.ToDictionary(part => part.Name, part => part.Port);
    }

    private static string? PrepareRealm(
        StackDefinition definition, string repositoryRoot, Dictionary<string, int> ports, string runFolder, Action<System.Text.Json.Nodes.JsonObject>? adjust)
    {
        if (definition.RealmFile is null)
        {
            return null;
        }

        var realmFile = Path.Combine(repositoryRoot, definition.RealmFile);
        if (!File.Exists(realmFile))
        {
            throw new InvalidOperationException($"The realm file {realmFile} does not exist.");
        }

        var origins = definition.RealmOrigins
            .Where(ports.ContainsKey)
            .ToDictionary(name => $"http://localhost:{definition[name].Port}", name => $"http://localhost:{ports[name]}");
        if (adjust is null && origins.All(origin => origin.Key == origin.Value))
        {
            return realmFile;
        }

        return RealmImport.WriteCopy(realmFile, Path.Combine(runFolder, "realm-import"), origins, adjust);
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private enum PartState { Stopped, Starting, Running, Stopping, Exited }

    private sealed class RunningPart(StackPart definition)
    {
        public StackPart Definition { get; } = definition;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public RecentLines Logs { get; } = new();

        public PartProcess? Process { get; set; }

        public PartState State { get; set; }

        public IReadOnlyDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();
    }
}

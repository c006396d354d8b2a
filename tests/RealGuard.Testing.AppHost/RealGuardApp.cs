using System.Text.Json.Nodes;
using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using RealGuard.AppHost;

namespace RealGuard.Testing.AppHost;

/// <summary>
/// RealGuard started by its own AppHost through Aspire.Hosting.Testing: container-free (the development identity
/// provider and SQLite), every part on a free port, a temporary data folder deleted on dispose, the realm following
/// those ports (and adjusted as the test asks). Stopping, starting and reading the logs of a part go through Aspire.
/// </summary>
public sealed class RealGuardApp : IAsyncDisposable
{
    // Generous: on a loaded 2-core machine several test projects start their stacks at once.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private const string RandomizePorts = "DcpPublisher:RandomizePorts";
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(30);
    private readonly DistributedApplication app;
    private readonly IReadOnlyDictionary<string, int> ports;
    private ResourceLogs? logs;
    private readonly string dataRoot;
    private readonly HttpClient health = new() { Timeout = TimeSpan.FromSeconds(5) };

    private RealGuardApp(DistributedApplication app, IReadOnlyDictionary<string, int> ports, string dataRoot, string? dashboardApiKey)
    {
        DashboardApiKey = dashboardApiKey;
        this.app = app;
        this.ports = ports;
        this.dataRoot = dataRoot;
    }

    public IReadOnlyCollection<string> Parts => [.. ports.Keys];

    public DistributedApplication Application => app;

    /// <summary>The key of the dashboard's telemetry API (header <c>x-api-key</c>) when the dashboard runs.</summary>
    public string? DashboardApiKey { get; }

    /// <summary>The folder holding the run's SQLite files, the identity provider's data and the realm it imported.</summary>
    public string DataRoot => dataRoot;

    public static async Task<RealGuardApp> StartAsync(RealGuardAppOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RealGuardAppOptions();
        // Always the whole stack, as the AppHost describes it; a test points a part at a stand-in through its environment.
        var parts = StackResources.Parts.ToList();
        var dataRoot = Directory.CreateTempSubdirectory("realguard-test-").FullName;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);

        var dashboardApiKey = options.EnableDashboard ? Convert.ToHexString(Guid.NewGuid().ToByteArray()) : null;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(
            typeof(Projects.RealGuard_AppHost),
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = options.EnableDashboard },
            [
                $"{AppHostResources.UseContainersSetting}=false",
                $"{AppHostResources.DataPathSetting}={dataRoot}",
                // The realm names each origin, so the ports are chosen here rather than by DCP.
                $"{RandomizePorts}=false",
                .. dashboardApiKey is null ? Array.Empty<string>() : [$"AppHost:DashboardApiKey={dashboardApiKey}"],
            ],
            timeout.Token);
        // With the dashboard, Aspire.Hosting.Testing turns port randomisation back on after the arguments; off again.
        builder.Configuration[RandomizePorts] = "false";

        var ports = parts.Zip(FreePorts.Take(parts.Count)).ToDictionary(pair => pair.First, pair => pair.Second);
        foreach (var (part, port) in ports)
        {
            // Not proxied: the part itself listens on the port, so a stopped part refuses connections and its process is found by it.
            builder.Part(part).WithEndpoint("http", endpoint =>
            {
                endpoint.Port = port;
                endpoint.TargetPort = port;
                endpoint.IsProxied = false;
            });
        }

        var origins = new Dictionary<string, string>
        {
            [Origin(StackPorts.Web)] = Origin(ports.GetValueOrDefault(StackResources.Web, StackPorts.Web)),
            [Origin(StackPorts.Gateway)] = Origin(ports.GetValueOrDefault(StackResources.Gateway, StackPorts.Gateway)),
        };
        var realm = RealmCopy.Write(RepositoryFiles.PathOf(RepositoryPaths.RealmExport), Path.Combine(dataRoot, "realm"), origins, options.AdjustRealm);
        builder.Part(StackResources.Keycloak).WithEnvironment(StackConfigKeys.IdentityProviderImportPath, realm);

        foreach (var (part, dependency) in options.WaitsDropped)
        {
            var annotations = builder.Part(part).Resource.Annotations;
            foreach (var wait in annotations.OfType<WaitAnnotation>().Where(wait => wait.Resource.Name == dependency).ToList())
            {
                annotations.Remove(wait);
            }
        }

        if (!options.EnableDashboard)
        {
            // Without the dashboard nothing receives telemetry: exporting to its address would only cost retries, and
            // a part's shutdown would wait for the last flush to give up.
            foreach (var part in parts)
            {
                builder.Part(part).WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", "");
            }
        }

        foreach (var (part, environment) in options.Environment)
        {
            foreach (var (key, value) in environment)
            {
                builder.Part(part).WithEnvironment(key, value);
            }
        }

        var app = await builder.BuildAsync(timeout.Token);
        var started = new RealGuardApp(app, ports, dataRoot, dashboardApiKey);
        try
        {
            await app.StartAsync(timeout.Token);
            started.logs = new ResourceLogs(app, ports.Keys);
            foreach (var (part, port) in ports)
            {
                var allocated = app.GetEndpoint(part, "http").Port;
                if (allocated != port)
                {
                    throw new InvalidOperationException($"{part} listens on {allocated}, not on the port {port} the realm was written for.");
                }
            }

            foreach (var part in parts)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(part, timeout.Token);
            }

            await started.WarmUpTokenEndpointAsync(Path.Combine(realm, Path.GetFileName(RepositoryPaths.RealmExport)), timeout.Token);
            return started;
        }
        catch (Exception exception)
        {
            var detail = string.Join(Environment.NewLine, parts.Select(part =>
                $"--- {part} ({started.StateOf(part)}):{Environment.NewLine}{string.Join(Environment.NewLine, started.Logs(part).TakeLast(30))}"));
            await started.DisposeAsync();
            throw new InvalidOperationException($"RealGuard did not start: {exception.Message}{Environment.NewLine}{detail}", exception);
        }
    }

    /// <summary>The dashboard's address with its login token (only when started with the dashboard).</summary>
    public async Task<Uri> DashboardLoginUrlAsync(CancellationToken cancellationToken = default) =>
        await app.GetDashboardUrlAsync(cancellationToken) ?? throw new InvalidOperationException("The dashboard does not run.");

    public int Port(string part) => ports[part];

    /// <summary><c>http://localhost:{port}</c>, no trailing slash.</summary>
    public string Url(string part) => Origin(Port(part));

    /// <summary>The OpenID Connect authority: <c>{keycloak}/realms/realguard</c>.</summary>
    public string Authority => $"{Url(StackResources.Keycloak)}/realms/{StackResources.Realm}";

    /// <summary>The part's console lines so far, across restarts.</summary>
    public IReadOnlyList<string> Logs(string part) => logs?.Of(part) ?? [];

    /// <summary>Stops a part through Aspire and waits until nothing listens on its port any more.</summary>
    public async Task StopPartAsync(string part, CancellationToken cancellationToken = default)
    {
        // DCP stops `dotnet run`, which stops the part. On a loaded machine DCP can give up waiting (and report a failed
        // stop) while the part is still shutting down, or end `dotnet run` and leave the part running: what counts for
        // the test is that the part is down, so a part still listening after its grace period is ended here.
        var result = await app.ResourceCommands.ExecuteCommandAsync(part, KnownResourceCommands.StopCommand, cancellationToken);
        if (!await PortFreedAsync(part, ShutdownGrace, cancellationToken) && PortOwner.ProcessListeningOn(Port(part)) is { } pid)
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            if (!await PortFreedAsync(part, ShutdownGrace, cancellationToken))
            {
                throw new InvalidOperationException($"{part} did not stop ({(result.Success ? "stopped as far as Aspire knows" : result.Message)}).");
            }
        }

        // Aspire must see it too, or it will not start the part again.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ShutdownGrace);
        try
        {
            await app.ResourceNotifications.WaitForResourceAsync(part,
                resource => IsStopped(resource.Snapshot.State?.Text), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"{part} is down, but Aspire still reports it as {StateOf(part)}.");
        }
    }

    /// <summary>Starts a stopped part again on its port and waits until its <c>/health</c> answers 200.</summary>
    public async Task StartPartAsync(string part, CancellationToken cancellationToken = default)
    {
        // The start waits for the part's dependencies (WaitFor): bounded, so that one left down fails the test, not the run.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        await ExecuteAsync(part, KnownResourceCommands.StartCommand, timeout.Token);
        await WaitUntilHealthyAsync(part, cancellationToken);
    }

    public async Task RestartPartAsync(string part, CancellationToken cancellationToken = default)
    {
        await StopPartAsync(part, cancellationToken);
        await StartPartAsync(part, cancellationToken);
    }

    /// <summary>
    /// The process id of the part (the one listening on its port, not the <c>dotnet run</c> that DCP started), e.g. to
    /// pause it (SIGSTOP) and see how the others cope with a hung dependency.
    /// </summary>
    public int ProcessId(string part) =>
        PortOwner.ProcessListeningOn(Port(part)) ?? throw new InvalidOperationException($"Nothing listens on {part}'s port {Port(part)}.");

    public async ValueTask DisposeAsync()
    {
        health.Dispose();
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await app.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await app.DisposeAsync();
        if (logs is not null)
        {
            await logs.DisposeAsync();
        }
        try
        {
            Directory.Delete(dataRoot, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process on its way out: the temp folder is cleaned by the OS.
        }
    }

    /// <summary>
    /// The identity provider's first token request after a start takes seconds on a small machine (code paths still
    /// being compiled), longer than a part's attempt timeout for it: one exchange (customer-service's own client, as
    /// the realm copy has it) is made first, so that the first one a test makes measures RealGuard, not the start.
    /// </summary>
    private async Task WarmUpTokenEndpointAsync(string realmFile, CancellationToken cancellationToken)
    {
        var realm = JsonNode.Parse(await File.ReadAllTextAsync(realmFile, cancellationToken))!.AsObject();
        var client = realm.Client(StackResources.CustomerService);
        using var warmUp = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await warmUp.PostAsync($"{Authority}/protocol/openid-connect/token",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = StackResources.CustomerService,
                ["client_secret"] = (string)client["secret"]!,
            }),
            cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static string Origin(int port) => $"http://localhost:{port}";

    private string StateOf(string part)
    {
        var waitsFor = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(resource => resource.Name == part)
            .Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name);
        var state = app.ResourceNotifications.TryGetCurrentState(part, out var current)
            ? $"{current.Snapshot.State?.Text ?? "no state"}, health {current.Snapshot.HealthStatus?.ToString() ?? "unknown"}"
            : "not created";
        return $"{state}; waits for {string.Join(", ", waitsFor)}";
    }

    private async Task ExecuteAsync(string part, string command, CancellationToken cancellationToken)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(part, command, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"'{command}' on {part} failed: {result.Message}");
        }
    }

    // What Aspire's start command accepts as stopped.
    private static bool IsStopped(string? state)
        => state is not null && (KnownResourceStates.TerminalStates.Contains(state) || state == KnownResourceStates.NotStarted || state == "Unknown");

    private async Task<bool> PortFreedAsync(string part, TimeSpan within, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + within;
        while (PortOwner.ProcessListeningOn(Port(part)) is not null)
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        return true;
    }

    private async Task WaitUntilHealthyAsync(string part, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        while (true)
        {
            try
            {
                using var response = await health.GetAsync($"{Url(part)}/health", timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!timeout.IsCancellationRequested)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}

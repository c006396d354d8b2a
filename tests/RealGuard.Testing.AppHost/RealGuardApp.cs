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
                "DcpPublisher:RandomizePorts=false",
                .. dashboardApiKey is null ? Array.Empty<string>() : [$"AppHost:DashboardApiKey={dashboardApiKey}"],
            ],
            timeout.Token);

        var ports = parts.Zip(FreePorts.Take(parts.Count)).ToDictionary(pair => pair.First, pair => pair.Second);
        foreach (var (part, port) in ports)
        {
            builder.Part(part).WithEndpoint("http", endpoint => endpoint.Port = port);
        }

        var origins = new Dictionary<string, string>
        {
            [Origin(StackPorts.Web)] = Origin(ports.GetValueOrDefault(StackResources.Web, StackPorts.Web)),
            [Origin(StackPorts.Gateway)] = Origin(ports.GetValueOrDefault(StackResources.Gateway, StackPorts.Gateway)),
        };
        var realm = RealmCopy.Write(RepositoryFiles.PathOf(RepositoryPaths.RealmExport), Path.Combine(dataRoot, "realm"), origins, options.AdjustRealm);
        builder.Part(StackResources.Keycloak).WithEnvironment(StackConfigKeys.IdentityProviderImportPath, realm);

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
            foreach (var part in parts)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(part, timeout.Token);
            }

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

    /// <summary>Stops a part and waits until its process has exited.</summary>
    public async Task StopPartAsync(string part, CancellationToken cancellationToken = default)
    {
        // DCP may report the stop as failed when the process takes long to shut down; what counts is that it exits.
        var result = await app.ResourceCommands.ExecuteCommandAsync(part, KnownResourceCommands.StopCommand, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await app.ResourceNotifications.WaitForResourceAsync(part,
                resource => resource.Snapshot.State?.Text is "Exited" or "Finished" or "Terminated" or "FailedToStart" or "Stopped", timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"{part} did not stop: {(result.Success ? "no exit seen" : result.Message)}");
        }
    }

    /// <summary>Starts a stopped part again on its port and waits until its <c>/health</c> answers 200.</summary>
    public async Task StartPartAsync(string part, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(part, KnownResourceCommands.StartCommand, cancellationToken);
        await WaitUntilHealthyAsync(part, cancellationToken);
    }

    public async Task RestartPartAsync(string part, CancellationToken cancellationToken = default)
    {
        await StopPartAsync(part, cancellationToken);
        await StartPartAsync(part, cancellationToken);
    }

    /// <summary>The process id of the part, e.g. to pause it (SIGSTOP) and see how the others cope with a hung dependency.</summary>
    public int ProcessId(string part) =>
        app.ResourceNotifications.TryGetCurrentState(part, out var state)
        && state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
        && int.TryParse(pid.ToString(), out var id)
            ? id
            : throw new InvalidOperationException($"{part} has no running process.");

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

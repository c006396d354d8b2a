using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;
using static RealGuard.AppHost.StackResources;

namespace RealGuard.Benchmarks;

/// <summary>
/// RealGuard started by its own AppHost through Aspire.Hosting.Testing (container-free, free ports, temporary data, demo
/// data on): what run.sh uses where the fixed ports must stay free (<c>RG_BENCH_STACK=free</c>), and what the
/// refresh-under-load run starts with a shortened token lifetime. The benchmark's clients are exempt from the gateway's
/// per-client rate limit, as run.sh exempts them on the fixed-port stack.
/// </summary>
internal static class FreePortStack
{
    public static readonly IReadOnlyDictionary<string, string> GatewayEnvironment = new Dictionary<string, string>
    {
        ["Gateway__RateLimit__Clients__realguard-mobile__PermitLimit"] = "100000000",
        ["Gateway__RateLimit__Clients__acme-integration__PermitLimit"] = "100000000",
    };

    public static Task<RealGuardApp> StartAsync(Action<JsonObject>? adjustRealm = null, params string[] without)
    {
        var options = new RealGuardAppOptions
        {
            AdjustRealm = adjustRealm,
        };
        foreach (var (key, value) in GatewayEnvironment)
        {
            options.WithEnvironment(Gateway, key, value);
        }
        return RealGuardApp.StartAsync(options);
    }

    /// <summary>Starts the whole stack, writes <c>url_{part}=</c> and <c>pid_{part}=</c> lines to <paramref name="envFile"/>, runs until SIGTERM.</summary>
    public static async Task<int> ServeAsync(string envFile)
    {
        var started = DateTime.UtcNow;
        await using var stack = await StartAsync();
        var lines = stack.Parts.SelectMany(part => new[]
        {
            $"url_{part.Replace('-', '_')}={stack.Url(part)}",
            $"pid_{part.Replace('-', '_')}={stack.ProcessId(part)}",
        });
        await File.WriteAllLinesAsync(envFile, lines);
        Console.Error.WriteLine($"free-port stack healthy after {(DateTime.UtcNow - started).TotalSeconds:0.0} s");

        var stop = new TaskCompletionSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.TrySetResult(); });
        await stop.Task;
        return 0;
    }
}

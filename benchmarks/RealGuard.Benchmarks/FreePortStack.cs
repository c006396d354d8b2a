using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using RealGuard.DevHost;
using static RealGuard.DevHost.StackResources;

namespace RealGuard.Benchmarks;

/// <summary>
/// RealGuard on free ports with temporary data and demo data on, started by the DevHost runner code: what run.sh uses
/// where the fixed ports must stay free (<c>RG_BENCH_STACK=free</c>), and what the refresh-under-load run starts with a
/// shortened token lifetime. The only file that knows how the stack is started; the parts inherit this process's
/// environment (run.sh's overrides).
/// </summary>
internal static class FreePortStack
{
    public static Task<LocalStack> StartAsync(IStackOutput output, Action<JsonObject>? adjustRealm = null, params string[] without)
    {
        var options = LocalStackOptions.ForTests(output);
        options.AdjustRealm = adjustRealm;
        var definition = RealGuardStack.Define();
        return LocalStack.StartAsync(definition with { Parts = [.. definition.Parts.Where(part => !without.Contains(part.Name))] }, options);
    }

    public static string Url(this LocalStack stack, string part, string path) => stack.Url(part) + path;

    /// <summary>Starts the whole stack, writes <c>url_{part}=</c> and <c>pid_{part}=</c> lines to <paramref name="envFile"/>, runs until SIGTERM.</summary>
    public static async Task<int> ServeAsync(string envFile)
    {
        var started = DateTime.UtcNow;
        await using var stack = await StartAsync(new ConsoleOutput());
        var lines = stack.StartOrder.SelectMany(part => new[]
        {
            $"url_{part.Replace('-', '_')}={stack.Url(part)}",
            $"pid_{part.Replace('-', '_')}={stack.ProcessId(part)}",
        });
        await File.WriteAllLinesAsync(envFile, lines);
        Console.Error.WriteLine($"free-port stack healthy after {(DateTime.UtcNow - started).TotalSeconds:0.0} s");

        var stop = new TaskCompletionSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.TrySetResult(); });
        await Task.WhenAny(stop.Task, stack.UnexpectedExit);
        return 0;
    }

    /// <summary>The parts' lines as the DevHost prints them (<c>[part] line</c>): run.sh counts the IAM's token requests in them.</summary>
    private sealed class ConsoleOutput : IStackOutput
    {
        public void PartLine(string part, string line) => Console.WriteLine($"[{part}] {line}");

        public void Status(string message) => Console.Error.WriteLine(message);
    }
}

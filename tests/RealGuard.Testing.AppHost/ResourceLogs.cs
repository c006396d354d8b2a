using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace RealGuard.Testing.AppHost;

/// <summary>Every console line of each part, across restarts, uncapped (a test counts from it).</summary>
internal sealed class ResourceLogs : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> lines = new();
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> watchers = [];

    public ResourceLogs(DistributedApplication app, IEnumerable<string> parts)
    {
        var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var part in parts)
        {
            var queue = lines.GetOrAdd(part, _ => new());
            watchers.Add(Task.Run(async () =>
            {
                try
                {
                    await foreach (var batch in loggers.WatchAsync(part).WithCancellation(stop.Token))
                    {
                        foreach (var line in batch)
                        {
                            queue.Enqueue(line.Content);
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }));
        }
    }

    public IReadOnlyList<string> Of(string part) => lines.TryGetValue(part, out var queue) ? [.. queue] : [];

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(watchers);
        stop.Dispose();
    }
}

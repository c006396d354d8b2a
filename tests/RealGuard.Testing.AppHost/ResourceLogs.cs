using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace RealGuard.Testing.AppHost;

/// <summary>
/// Every console line of each part, across restarts, uncapped (a test counts from it), as the part printed it:
/// without the timestamp Aspire puts in front of each line it collects.
/// </summary>
internal sealed partial class ResourceLogs : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> lines = new();
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> watchers = [];

    /// <summary>Starts watching once the application has started (the parts' instance names exist then); backlog included.</summary>
    public ResourceLogs(DistributedApplication app, IEnumerable<string> parts)
    {
        var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        foreach (var resource in model.Resources.Where(resource => parts.Contains(resource.Name)))
        {
            var queue = lines.GetOrAdd(resource.Name, _ => new());
            watchers.Add(Task.Run(async () =>
            {
                try
                {
                    await foreach (var batch in loggers.WatchAsync(resource).WithCancellation(stop.Token))
                    {
                        foreach (var line in batch)
                        {
                            queue.Enqueue(AspireTimestamp().Replace(line.Content, "", 1));
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

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z ")]
    private static partial Regex AspireTimestamp();
}

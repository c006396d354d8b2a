using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace RealGuard.Benchmarks;

internal sealed record LoadResult(string Name, int Concurrency, int Requests, int Errors, double RequestsPerSecond, TimeSpan P50, TimeSpan P99);

/// <summary>
/// A closed-loop load on one URL: a fixed number of workers, each on its own connection, each sending the next request
/// as soon as the last one answered. Latency is measured per request, from sending it to having read the body.
/// Measurements accumulate over calls to <see cref="MeasureAsync"/> until <see cref="Result"/>.
/// </summary>
internal sealed class LoadRun(string name, string url, string accessToken, int concurrency) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
    })
    {
        Timeout = TimeSpan.FromSeconds(10),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) },
    };

    private readonly List<TimeSpan> latencies = [];
    private TimeSpan measured;
    private int errors;

    public async Task WarmUpAsync(TimeSpan duration) => await RunAsync(duration);

    public async Task MeasureAsync(TimeSpan duration)
    {
        var stopwatch = Stopwatch.StartNew();
        var workers = await RunAsync(duration);
        measured += stopwatch.Elapsed;
        latencies.AddRange(workers.SelectMany(worker => worker.Latencies));
        errors += workers.Sum(worker => worker.Errors);
    }

    public LoadResult Result()
    {
        var sorted = latencies.Order().ToArray();
        return new LoadResult(name, concurrency, sorted.Length, errors, sorted.Length / measured.TotalSeconds,
            Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    public void Dispose() => http.Dispose();

    private async Task<Worker[]> RunAsync(TimeSpan duration)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(_ => new Worker()).ToArray();
        await Task.WhenAll(workers.Select(worker => Task.Run(() => worker.RunAsync(http, url, deadline))));
        return workers;
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double percentile) =>
        sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed class Worker
    {
        public List<TimeSpan> Latencies { get; } = new(10_000);

        public int Errors { get; private set; }

        public async Task RunAsync(HttpClient http, string url, long deadline)
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(url);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Latencies.Add(Stopwatch.GetElapsedTime(started));
                    }
                    else
                    {
                        Errors++;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Errors++;
                }
            }
        }
    }
}

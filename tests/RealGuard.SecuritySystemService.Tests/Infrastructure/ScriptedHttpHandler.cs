using System.Collections.Concurrent;
using System.Net;

namespace RealGuard.SecuritySystemService.Tests.Infrastructure;

/// <summary>A stand-in for another service in unit tests: records each request and answers from a script.</summary>
public sealed class ScriptedHttpHandler(Func<HttpRequestMessage, HttpResponseMessage>? defaultAnswer = null) : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> script = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly SemaphoreSlim received = new(0);

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>The next requests get these answers, in order; then <c>defaultAnswer</c> (200 with no body).</summary>
    public ScriptedHttpHandler ThenAnswer(params Func<HttpRequestMessage, HttpResponseMessage>[] answers)
    {
        foreach (var answer in answers)
        {
            script.Enqueue(answer);
        }
        return this;
    }

    public static Func<HttpRequestMessage, HttpResponseMessage> Status(HttpStatusCode status) => _ => new HttpResponseMessage(status);

    public static Func<HttpRequestMessage, HttpResponseMessage> Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        _ => new HttpResponseMessage(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    public static Func<HttpRequestMessage, HttpResponseMessage> Unreachable { get; } =
        _ => throw new HttpRequestException("Connection refused (stand-in)");

    /// <summary>Waits until <paramref name="count"/> requests in all have arrived.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (requests.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await received.WaitAsync(left))
            {
                throw new TimeoutException($"Expected {count} requests, got {requests.Count}.");
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        received.Release();
        var answer = script.TryDequeue(out var next) ? next : defaultAnswer ?? Status(HttpStatusCode.OK);
        return answer(request);
    }
}

public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body);

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RealGuard.Gateway.Tests.Infrastructure;

/// <summary>What a service behind the gateway received.</summary>
internal sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, long BodyLength)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>
/// A stand-in for a RealGuard service, listening on loopback: records every request it receives and answers 200
/// with JSON naming itself, or, for <c>?respond=404</c>, that status with the service's own problem body
/// (<c>?respond=404-empty</c>: no body), so the test can tell what the gateway changed.
/// </summary>
internal sealed class RecordingService : IAsyncDisposable
{
    public const string ServiceProblemBody = """{"type":"https://realguard.example/service-problem","title":"from the service","status":0}""";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedRequest> received = new();

    private RecordingService(string name, WebApplication app)
    {
        Name = name;
        this.app = app;
    }

    public string Name { get; }

    public string Url => app.Urls.Single();

    public IReadOnlyList<ReceivedRequest> Received => [.. received];

    /// <summary>The requests whose path and query contain <paramref name="marker"/>.</summary>
    public IReadOnlyList<ReceivedRequest> ReceivedWith(string marker) =>
        [.. received.Where(request => request.PathAndQuery.Contains(marker, StringComparison.Ordinal))];

    public static async Task<RecordingService> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var service = new RecordingService(name, app);
        app.Run(service.HandleAsync);
        await app.StartAsync();
        return service;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        received.Enqueue(new ReceivedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.Length));

        var respond = context.Request.Query["respond"].ToString();
        if (respond.EndsWith("-empty", StringComparison.Ordinal) && int.TryParse(respond[..^"-empty".Length], out var emptyStatus))
        {
            context.Response.StatusCode = emptyStatus;
            return;
        }

        if (int.TryParse(respond, out var status))
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync(ServiceProblemBody.Replace("\"status\":0", $"\"status\":{status}"));
            return;
        }

        await context.Response.WriteAsJsonAsync(new { service = Name, path = context.Request.Path.Value });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

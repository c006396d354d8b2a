using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RealGuard.Testing;

/// <summary>What a stand-in service received: the request line, headers, body length, and when.</summary>
public sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, long BodyLength,
    DateTimeOffset At)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The payload of the bearer token it carried (read, not validated), or null.</summary>
    public JsonElement? Token => Header("Authorization") is { } authorization && authorization.StartsWith("Bearer ", StringComparison.Ordinal)
        ? Jwt.TryPayloadElement(authorization["Bearer ".Length..])
        : null;

    public string? Claim(string name) => Token is { } token && token.TryGetProperty(name, out var value) ? value.ToString() : null;

    public DateTimeOffset? ExpiresAt => Token is { } token && token.TryGetProperty("exp", out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64()) : null;

    public string Cookie => Header("Cookie") ?? "";

    public bool HasCsrfHeader => Header("X-CSRF") is not null;
}

/// <summary>
/// A stand-in for a RealGuard service, listening on loopback (real HTTP, so the caller cannot tell): records every
/// request it receives and answers 200 with JSON naming itself and an empty security-system list, or, for
/// <c>?respond=404</c>, that status with the service's own problem body (<c>?respond=404-empty</c>: no body), so the
/// test can tell what the caller (the gateway, the web app) changed.
/// </summary>
public sealed class RecordingService : IAsyncDisposable
{
    public const string ServiceProblemBody = """{"type":"https://realguard.example/service-problem","title":"from the service","status":0}""";

    private readonly WebApplication app;

    private RecordingService(string name, WebApplication app)
    {
        Name = name;
        this.app = app;
    }

    public string Name { get; }

    public string Url => app.Urls.First();

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Calls { get; } = new();

    public IReadOnlyList<ReceivedRequest> Received => [.. Calls];

    /// <summary>The requests whose path and query contain <paramref name="marker"/>.</summary>
    public IReadOnlyList<ReceivedRequest> ReceivedWith(string marker) =>
        [.. Calls.Where(request => request.PathAndQuery.Contains(marker, StringComparison.Ordinal))];

    public static async Task<RecordingService> StartAsync(string name = "service")
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
        Calls.Enqueue(new ReceivedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.Length,
            DateTimeOffset.UtcNow));

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

        await context.Response.WriteAsJsonAsync(new { service = Name, path = context.Request.Path.Value, securitySystems = Array.Empty<object>() });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RealGuard.Web.Tests.Infrastructure;

/// <summary>
/// A stand-in for a RealGuard service, listening on a free port: records what the web app sends (bearer token claims,
/// cookies, headers) and answers like security-system-service's list. Real HTTP, so the web app cannot tell.
/// </summary>
public sealed class RecordingService : IAsyncDisposable
{
    private readonly WebApplication app;

    private RecordingService(WebApplication app) => this.app = app;

    public string Url => app.Urls.First();

    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    public static async Task<RecordingService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var service = new RecordingService(app);
        app.Map("/{**path}", (HttpContext http) =>
        {
            var authorization = http.Request.Headers.Authorization.ToString();
            var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
            service.Calls.Enqueue(new ReceivedCall(
                http.Request.Method,
                http.Request.Path + http.Request.QueryString,
                token is null ? null : Payload(token),
                DateTimeOffset.UtcNow,
                http.Request.Headers.Cookie.ToString(),
                http.Request.Headers.ContainsKey("X-CSRF")));
            return Results.Json(new { securitySystems = Array.Empty<object>() });
        });
        await app.StartAsync();
        return service;
    }

    private static JsonElement Payload(string jwt)
    {
        var parts = jwt.Split('.');
        using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

public sealed record ReceivedCall(string Method, string PathAndQuery, JsonElement? Token, DateTimeOffset At, string Cookie, bool HasCsrfHeader)
{
    public string? Claim(string name) => Token is { } token && token.TryGetProperty(name, out var value) ? value.ToString() : null;

    public DateTimeOffset? ExpiresAt => Token is { } token && token.TryGetProperty("exp", out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64()) : null;
}

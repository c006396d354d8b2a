using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RealGuard.IdentityProvider.Tests.Infrastructure;

/// <summary>A client's back-channel logout endpoint: records each POST it gets on a free port.</summary>
public sealed class BackchannelReceiver : IAsyncDisposable
{
    public const string Path = "/backchannel-logout";
    private readonly WebApplication app;
    private readonly Channel<ReceivedLogout> received = Channel.CreateUnbounded<ReceivedLogout>();

    private BackchannelReceiver(WebApplication app) => this.app = app;

    public string Url => app.Urls.Single().Replace("127.0.0.1", "localhost") + Path;

    public static async Task<BackchannelReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new BackchannelReceiver(app);
        app.MapPost(Path, async (HttpRequest request) =>
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
            await receiver.received.Writer.WriteAsync(new ReceivedLogout(
                request.ContentType,
                form?.ToDictionary(field => field.Key, field => field.Value.ToString()) ?? []));
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next POST, waited for at most <paramref name="timeout"/>.</summary>
    public async Task<ReceivedLogout> NextAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            return await received.Reader.ReadAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No back-channel logout arrived at {Url} within {timeout.TotalSeconds} s");
        }
    }

    public bool TryTakeMore(out ReceivedLogout? logout) => received.Reader.TryRead(out logout);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record ReceivedLogout(string? ContentType, IReadOnlyDictionary<string, string> Form);

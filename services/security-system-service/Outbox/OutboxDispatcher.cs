using Microsoft.Extensions.Options;

namespace RealGuard.SecuritySystemService.Outbox;

/// <summary>
/// Delivers outbox messages to notification-service: in the order written, retrying with growing pauses while
/// delivery fails, and otherwise waiting for a change to signal new events (or for the next poll, which catches
/// events written by another instance).
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider time, IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var consecutiveFailures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                signal.Reset();
                switch (await RunRoundAsync(stoppingToken))
                {
                    case OutboxRound.Failed:
                        consecutiveFailures++;
                        await Task.Delay(OutboxRetryBackoff.After(consecutiveFailures, options.Value.MaxRetryDelay), time, stoppingToken);
                        break;
                    case OutboxRound.Delivered:
                        consecutiveFailures = 0;
                        break;
                    default:
                        consecutiveFailures = 0;
                        await signal.WaitAsync(PollInterval, time, stoppingToken);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; what is not delivered yet stays in the outbox.
        }
    }

    private async Task<OutboxRound> RunRoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverPendingAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogRoundFailed(e);
            return OutboxRound.Failed;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery round failed; will retry")]
    private partial void LogRoundFailed(Exception exception);
}

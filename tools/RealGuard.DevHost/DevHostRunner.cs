namespace RealGuard.DevHost;

/// <summary>The runner's life: start the stack, show where it is, run until stopped or until a part dies.</summary>
public static class DevHostRunner
{
    // Ctrl+C in a terminal reaches the parts too, and one may exit before the runner sees the signal.
    private static readonly TimeSpan SignalSettleTime = TimeSpan.FromMilliseconds(500);

    /// <returns>The process exit code: 0 when stopped, 1 when the stack failed to start or a part died.</returns>
    public static async Task<int> RunAsync(StackDefinition definition, LocalStackOptions options, CancellationToken shutdown)
    {
        var output = options.Output;
        LocalStack stack;
        try
        {
            stack = await LocalStack.StartAsync(definition, options, shutdown);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            output.Status("Stopped before the stack was up.");
            return 0;
        }
        catch (Exception e) when (e is StackStartException or InvalidOperationException)
        {
            output.Status($"The stack did not start: {e.Message}");
            return 1;
        }

        await using (stack)
        {
            output.Status(StartupBanner.For(stack));

            var stopped = Task.Delay(Timeout.Infinite, shutdown);
            await Task.WhenAny(stack.UnexpectedExit, stopped);
            if (stack.UnexpectedExit.IsCompleted)
            {
                await Task.WhenAny(stopped, Task.Delay(SignalSettleTime));
            }

            if (shutdown.IsCancellationRequested)
            {
                output.Status("Stopping.");
                return 0;
            }

            output.Status((await stack.UnexpectedExit).ToString());
            output.Status("Stopping the rest.");
            return 1;
        }
    }
}

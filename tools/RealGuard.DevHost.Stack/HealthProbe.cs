namespace RealGuard.DevHost;

/// <summary>Polls a part's health endpoint until it answers 200, the part exits, or time runs out.</summary>
internal sealed class HealthProbe : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly HttpClient http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    public enum Outcome { Healthy, Exited, TimedOut }

    public async Task<Outcome> WaitAsync(Uri url, Task exited, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (!exited.IsCompleted)
            {
                if (await IsHealthyAsync(url, deadline.Token))
                {
                    return Outcome.Healthy;
                }

                await Task.WhenAny(exited, Task.Delay(Interval, deadline.Token));
                deadline.Token.ThrowIfCancellationRequested();
            }

            return Outcome.Exited;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return exited.IsCompleted ? Outcome.Exited : Outcome.TimedOut;
        }
    }

    private async Task<bool> IsHealthyAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // this request timed out; the deadline has not passed
        }
    }

    public void Dispose() => http.Dispose();
}

namespace RealGuard.SecuritySystemService.Outbox;

/// <summary>
/// Wakes the dispatcher when a change has written an event, so delivery does not wait for the next poll.
/// A signal given while the dispatcher is busy is kept until it next waits.
/// </summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource pending = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => Volatile.Read(ref pending).TrySetResult();

    /// <summary>Forgets signals already handled; call before reading the outbox, so a signal given after the read counts.</summary>
    public void Reset()
    {
        var current = Volatile.Read(ref pending);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref pending, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
        }
    }

    /// <summary>Completes on a signal or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var signaled = Volatile.Read(ref pending).Task;
        await Task.WhenAny(signaled, Task.Delay(timeout, time, cancellationToken));
    }
}

using System.Runtime.InteropServices;

namespace RealGuard.DevHost;

/// <summary>Ctrl+C, SIGTERM or a closed terminal as a cancellation token; a second Ctrl+C ends the runner at once.</summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource requested = new();
    private readonly PosixSignalRegistration[] registrations;

    public ShutdownSignal(IStackOutput output)
    {
        registrations =
        [
            .. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(signal =>
                PosixSignalRegistration.Create(signal, context =>
                {
                    if (requested.IsCancellationRequested)
                    {
                        return; // the default handling ends the process; LocalStack kills the parts on ProcessExit
                    }

                    context.Cancel = true;
                    output.Status($"{context.Signal}: stopping the stack (Ctrl+C again to end at once)");
                    requested.Cancel();
                })),
        ];
    }

    public CancellationToken Token => requested.Token;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        requested.Dispose();
    }
}

using System.ComponentModel;
using System.Runtime.InteropServices;

namespace RealGuard.Testing;

/// <summary>
/// A process stopped with SIGSTOP until disposed (SIGCONT): it keeps its sockets, so connections are accepted by the
/// kernel and never answered, as with a hung service. Linux only.
/// </summary>
public sealed class PausedProcess : IDisposable
{
    private const int SigCont = 18;
    private const int SigStop = 19;
    private readonly int pid;
    private bool resumed;

    private PausedProcess(int pid) => this.pid = pid;

    public static PausedProcess Pause(int pid)
    {
        Signal(pid, SigStop);
        return new PausedProcess(pid);
    }

    public void Dispose()
    {
        if (!resumed)
        {
            resumed = true;
            Signal(pid, SigCont);
        }
    }

    private static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"kill({pid}, {signal}) failed.");
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, this signature needs none.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

using System.Diagnostics;
using System.Text;

namespace RealGuard.DevHost;

/// <summary>One running part: its process, its output streamed line by line, its exit.</summary>
internal sealed class PartProcess
{
    // A grandchild that inherited stdout can keep the pipe open after the part exits; don't wait for it.
    private static readonly TimeSpan OutputDrainLimit = TimeSpan.FromSeconds(1);

    private readonly Process process;

    private PartProcess(Process process, Task<int> exited)
    {
        this.process = process;
        Exited = exited;
    }

    public int Id => process.Id;

    /// <summary>The exit code, once the process has exited and its output is written.</summary>
    public Task<int> Exited { get; }

    public static PartProcess Start(
        string name,
        ProcessStartInfo startInfo,
        RecentLines recentLines,
        IStackOutput output)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardInput = true; // keeps the parts off the runner's terminal
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.StandardOutputEncoding = Encoding.UTF8;
        startInfo.StandardErrorEncoding = Encoding.UTF8;

        var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {startInfo.FileName} for '{name}'.");
        process.StandardInput.Close();

        var pumps = Task.WhenAll(
            Pump(process.StandardOutput, name, recentLines, output),
            Pump(process.StandardError, name, recentLines, output));

        return new PartProcess(process, WaitForExitAsync(process, pumps));
    }

    /// <summary>Asks the part to shut down, then kills whatever of its process tree is left after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!Exited.IsCompleted && ProcessTree.CanStopGracefully && grace > TimeSpan.Zero)
        {
            var descendants = ProcessTree.Descendants(process.Id);
            ProcessTree.Terminate(process.Id);
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(grace));
            KillTree();
            ProcessTree.KillSurvivors(descendants);
        }
        else if (!Exited.IsCompleted)
        {
            KillTree();
        }

        await Exited;
        process.Dispose();
    }

    /// <summary>Kills the process tree at once; for a host that is going away.</summary>
    public void KillTree()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static async Task<int> WaitForExitAsync(Process process, Task pumps)
    {
        await process.WaitForExitAsync();
        await Task.WhenAny(pumps, Task.Delay(OutputDrainLimit));
        return process.ExitCode;
    }

    private static async Task Pump(StreamReader reader, string name, RecentLines recentLines, IStackOutput output)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                recentLines.Add(line);
                output.PartLine(name, line);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe went away with the process.
        }
    }
}

using System.Runtime.InteropServices;

namespace RealGuard.DevHost;

/// <summary>
/// A process's descendants, read from /proc on Linux. A part that exits gracefully leaves its children to init,
/// so they are recorded before it is asked to stop and killed if they outlive it.
/// </summary>
internal static class ProcessTree
{
    private const int SigTerm = 15;

    public static bool CanStopGracefully => OperatingSystem.IsLinux();

    /// <summary>Pid and start time (to tell a recycled pid apart) of every descendant.</summary>
    public static IReadOnlyList<(int Pid, long StartTime)> Descendants(int pid)
    {
        var children = new Dictionary<int, List<(int Pid, long StartTime)>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var candidate) && ReadStat(candidate) is { } stat)
            {
                if (!children.TryGetValue(stat.ParentPid, out var siblings))
                {
                    children[stat.ParentPid] = siblings = [];
                }

                siblings.Add((candidate, stat.StartTime));
            }
        }

        var descendants = new List<(int Pid, long StartTime)>();
        var pending = new Queue<int>([pid]);
        while (pending.TryDequeue(out var parent))
        {
            foreach (var child in children.GetValueOrDefault(parent) ?? [])
            {
                descendants.Add(child);
                pending.Enqueue(child.Pid);
            }
        }

        return descendants;
    }

    public static void Terminate(int pid) => _ = Kill(pid, SigTerm);

    /// <summary>Kills the processes (and their trees) that are still the ones recorded.</summary>
    public static void KillSurvivors(IEnumerable<(int Pid, long StartTime)> processes)
    {
        foreach (var (pid, startTime) in processes)
        {
            if (ReadStat(pid)?.StartTime != startTime)
            {
                continue;
            }

            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone in the meantime.
            }
        }
    }

    public static bool IsRunning(int pid) => ReadStat(pid) is { State: not 'Z' and not 'X' };

    private static (int ParentPid, long StartTime, char State)? ReadStat(int pid)
    {
        try
        {
            // pid (comm) state ppid ... starttime is field 22; comm may hold spaces and parentheses.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(fields[1]), long.Parse(fields[19]), fields[0][0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

namespace RealGuard.Benchmarks;

/// <summary>The 1-minute load average (Linux), printed with the numbers: on a shared machine it says how much they can be trusted.</summary>
internal static class MachineLoad
{
    public static string Read()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}

namespace RealGuard.DevHost;

/// <summary>A part that exited while no one was stopping it.</summary>
public sealed record PartExit(string Part, int ExitCode, IReadOnlyList<string> RecentLogs)
{
    public override string ToString() =>
        StackStartException.Describe(Part, $"exited unexpectedly with code {ExitCode}.", RecentLogs);
}

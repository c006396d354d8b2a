namespace RealGuard.DevHost;

/// <summary>A part that could not be started or did not become healthy; carries its last log lines.</summary>
public sealed class StackStartException(string part, string reason, int? exitCode = null, IReadOnlyList<string>? recentLogs = null)
    : Exception(Describe(part, reason, recentLogs ?? []))
{
    public string Part { get; } = part;

    /// <summary>Set when the part exited before becoming healthy.</summary>
    public int? ExitCode { get; } = exitCode;

    public IReadOnlyList<string> RecentLogs { get; } = recentLogs ?? [];

    internal static string Describe(string part, string reason, IReadOnlyList<string> recentLogs) =>
        recentLogs.Count == 0
            ? $"'{part}' {reason}"
            : $"'{part}' {reason} Its last lines:\n{string.Join('\n', recentLogs.TakeLast(LastLineCount).Select(line => "  " + line))}";

    internal const int LastLineCount = 30;
}

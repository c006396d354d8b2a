using RealGuard.DevHost;

namespace RealGuard.Gateway.Tests.Infrastructure;

/// <summary>Every line each part of a stack wrote, kept whole (the stack's own recent logs are capped).</summary>
internal sealed class StackLog : IStackOutput
{
    private readonly Dictionary<string, List<string>> lines = [];

    public void PartLine(string part, string line)
    {
        lock (lines)
        {
            if (!lines.TryGetValue(part, out var partLines))
            {
                lines[part] = partLines = [];
            }

            partLines.Add(line);
        }
    }

    public void Status(string message)
    {
    }

    /// <summary>A point in a part's log: <see cref="Since"/> gives what it wrote after it.</summary>
    public int Mark(string part)
    {
        lock (lines)
        {
            return lines.TryGetValue(part, out var partLines) ? partLines.Count : 0;
        }
    }

    public IReadOnlyList<string> Since(string part, int mark)
    {
        lock (lines)
        {
            return lines.TryGetValue(part, out var partLines) ? partLines.Skip(mark).ToList() : [];
        }
    }

    public IReadOnlyList<string> All(string part) => Since(part, 0);
}

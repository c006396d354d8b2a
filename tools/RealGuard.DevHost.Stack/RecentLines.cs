namespace RealGuard.DevHost;

/// <summary>The last lines a part wrote, kept for failure reports and tests.</summary>
internal sealed class RecentLines(int capacity = 200)
{
    private readonly Queue<string> lines = new();

    public void Add(string line)
    {
        lock (lines)
        {
            if (lines.Count == capacity)
            {
                lines.Dequeue();
            }

            lines.Enqueue(line);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (lines)
        {
            return [.. lines];
        }
    }
}

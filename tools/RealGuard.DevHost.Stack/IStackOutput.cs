namespace RealGuard.DevHost;

/// <summary>Where a stack's output goes: the parts' lines and the runner's own messages.</summary>
public interface IStackOutput
{
    void PartLine(string part, string line);

    void Status(string message);

    public static IStackOutput None { get; } = new NoOutput();

    private sealed class NoOutput : IStackOutput
    {
        public void PartLine(string part, string line) { }

        public void Status(string message) { }
    }
}

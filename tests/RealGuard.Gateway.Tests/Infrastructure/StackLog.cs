using RealGuard.Testing.AppHost;

namespace RealGuard.Gateway.Tests.Infrastructure;

/// <summary>Every line each part of a running stack wrote (uncapped), with marks to read what came after a point.</summary>
internal sealed class StackLog(RealGuardApp stack)
{
    /// <summary>A point in a part's log: <see cref="Since"/> gives what it wrote after it.</summary>
    public int Mark(string part) => stack.Logs(part).Count;

    public IReadOnlyList<string> Since(string part, int mark) => [.. stack.Logs(part).Skip(mark)];

    public IReadOnlyList<string> All(string part) => stack.Logs(part);
}

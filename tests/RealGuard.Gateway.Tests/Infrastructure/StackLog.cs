using RealGuard.Testing.AppHost;

namespace RealGuard.Gateway.Tests.Infrastructure;

/// <summary>Every line each part of a running stack wrote (uncapped), and what came after a point in it.</summary>
internal sealed class StackLog(RealGuardApp stack)
{
    public IReadOnlyList<string> Since(string part, int mark) => [.. stack.Logs(part).Skip(mark)];

    public IReadOnlyList<string> All(string part) => stack.Logs(part);
}

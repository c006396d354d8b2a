using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RealGuard.IdentityProvider.Tests.Infrastructure;

/// <summary>Keeps every log line of the identity provider in memory (no cap), so a test can look for what was logged.</summary>
public sealed class InMemoryLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)}";
            lines.Enqueue(exception is null ? line : $"{line}{Environment.NewLine}{exception}");
        }
    }
}

using System.Collections;
using System.Diagnostics;

// Behaviour by environment variable, so one build serves every process test:
//   TESTPART_EXIT_CODE=n        exit with n before listening
//   TESTPART_CRASH_AFTER_MS=n   exit with code 4, n ms after starting to listen
//   TESTPART_UNHEALTHY=1        /health answers 503
//   TESTPART_SPAWN_CHILD=1      start a child process (`sleep`) that lives as long as it is not killed
Console.WriteLine($"test part {Environment.ProcessId} starting");

if (int.TryParse(Environment.GetEnvironmentVariable("TESTPART_EXIT_CODE"), out var exitCode))
{
    Console.Error.WriteLine($"test part failing on purpose with exit code {exitCode}");
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

var child = Environment.GetEnvironmentVariable("TESTPART_SPAWN_CHILD") == "1"
    ? Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })
    : null;

app.MapGet("/health", () => Environment.GetEnvironmentVariable("TESTPART_UNHEALTHY") == "1"
    ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
    : Results.Text("Healthy"));

app.MapGet("/info", () => new
{
    ProcessId = Environment.ProcessId,
    ChildProcessId = child?.Id,
    Environment.CurrentDirectory,
    app.Environment.ContentRootPath,
    app.Environment.EnvironmentName,
    Environment = Environment.GetEnvironmentVariables()
        .Cast<DictionaryEntry>()
        .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value),
});

var finalExitCode = 0;
if (int.TryParse(Environment.GetEnvironmentVariable("TESTPART_CRASH_AFTER_MS"), out var crashAfter))
{
    app.Lifetime.ApplicationStarted.Register(() => _ = Task.Delay(crashAfter).ContinueWith(_ =>
    {
        Console.Error.WriteLine("test part crashing on purpose with exit code 4");
        finalExitCode = 4;
        app.Lifetime.StopApplication();
    }));
}

Console.WriteLine("test part listening");
await app.RunAsync();
return finalExitCode;

using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace RealGuard.DevHost.Tests;

/// <summary>Stacks of the stand-in part (tests/RealGuard.DevHost.TestPart) and what the tests read from them.</summary>
internal static class TestStacks
{
    public const string TestPartProject = "tests/RealGuard.DevHost.TestPart/RealGuard.DevHost.TestPart.csproj";

    public static StackPart Part(string name, int port = 5999) => new(name, TestPartProject, port);

    public static LocalStackOptions Options(RecordingOutput output) => LocalStackOptions.ForTests(output);

    public static async Task<TestPartInfo> InfoAsync(LocalStack stack, string part)
    {
        using var http = new HttpClient();
        return (await http.GetFromJsonAsync<TestPartInfo>($"{stack.Url(part)}/info", JsonSerializerOptions.Web))!;
    }

    public static async Task<bool> IsHealthyAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync($"{url}/health");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}

internal sealed record TestPartInfo(
    int ProcessId,
    int? ChildProcessId,
    string CurrentDirectory,
    string ContentRootPath,
    string EnvironmentName,
    Dictionary<string, string?> Environment);

/// <summary>Keeps what a stack writes (for assertions) and forwards it to the test output.</summary>
internal sealed class RecordingOutput(ITestOutputHelper testOutput) : IStackOutput
{
    private readonly ConcurrentQueue<(string Source, string Line)> lines = new();

    public IReadOnlyList<string> StatusLines => [.. lines.Where(line => line.Source == "").Select(line => line.Line)];

    public IReadOnlyList<string> LinesOf(string part) => [.. lines.Where(line => line.Source == part).Select(line => line.Line)];

    /// <summary>The pids the stand-in part reported at start ("test part {pid} starting").</summary>
    public IReadOnlyList<int> ProcessIdsOf(string part) =>
        [.. LinesOf(part).Where(line => line.StartsWith("test part ") && line.EndsWith(" starting")).Select(line => int.Parse(line.Split(' ')[2]))];

    public void PartLine(string part, string line)
    {
        lines.Enqueue((part, line));
        Forward($"[{part}] {line}");
    }

    public void Status(string message)
    {
        lines.Enqueue(("", message));
        Forward($"[devhost] {message}");
    }

    private void Forward(string text)
    {
        try
        {
            testOutput.WriteLine(text);
        }
        catch (InvalidOperationException)
        {
            // Written after the test finished.
        }
    }
}

using static RealGuard.DevHost.Tests.TestStacks;

namespace RealGuard.DevHost.Tests;

/// <summary>The runner's behaviour (what `dotnet run --project tools/RealGuard.DevHost` does) on stand-in parts.</summary>
public sealed class DevHostRunnerTests(ITestOutputHelper testOutput)
{
    private readonly RecordingOutput output = new(testOutput);

    [Fact]
    public async Task When_a_part_dies_the_runner_names_it_stops_the_rest_and_fails()
    {
        var definition = new StackDefinition([Part("alpha"), Part("flaky") with { References = ["alpha"] }]);
        var options = Options(output).WithEnvironment("flaky", "TESTPART_CRASH_AFTER_MS", "300");

        var exitCode = await DevHostRunner.RunAsync(definition, options, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        var report = Assert.Single(output.StatusLines, line => line.Contains("exited unexpectedly"));
        Assert.Contains("Stopping the rest.", output.StatusLines);
        Assert.StartsWith("'flaky' exited unexpectedly with code 4.", report);
        Assert.Contains("test part crashing on purpose with exit code 4", report);
        Assert.False(ProcessTree.IsRunning(Assert.Single(output.ProcessIdsOf("alpha"))));
    }

    [Fact]
    public async Task On_Ctrl_C_the_runner_stops_every_part_and_succeeds()
    {
        using var shutdown = new CancellationTokenSource();
        var definition = new StackDefinition([Part("alpha"), Part("beta") with { References = ["alpha"] }]);

        var run = DevHostRunner.RunAsync(definition, Options(output), shutdown.Token);
        while (!output.StatusLines.Any(line => line.StartsWith("RealGuard is running")))
        {
            Assert.False(run.IsCompleted, string.Join('\n', output.StatusLines));
            await Task.Delay(50);
        }

        shutdown.Cancel();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.All(output.ProcessIdsOf("alpha").Concat(output.ProcessIdsOf("beta")), pid => Assert.False(ProcessTree.IsRunning(pid)));
    }

    [Fact]
    public async Task A_stack_that_does_not_start_makes_the_runner_fail_with_the_reason()
    {
        var options = Options(output).WithEnvironment("crasher", "TESTPART_EXIT_CODE", "3");

        var exitCode = await DevHostRunner.RunAsync(new StackDefinition([Part("crasher")]), options, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains(output.StatusLines, line => line.StartsWith("The stack did not start: 'crasher' exited with code 3"));
    }
}

using System.Text.Json.Nodes;
using static RealGuard.DevHost.Tests.TestStacks;

namespace RealGuard.DevHost.Tests;

/// <summary>Real processes: the stand-in part started, stopped and failed through LocalStack.</summary>
public sealed class LocalStackTests(ITestOutputHelper testOutput)
{
    private readonly RecordingOutput output = new(testOutput);

    [Fact]
    public async Task Parts_start_after_what_they_reference_on_free_ports_with_the_Aspire_configuration()
    {
        var definition = new StackDefinition([Part("beta") with { References = ["alpha"] }, Part("alpha")]);

        await using var stack = await LocalStack.StartAsync(definition, Options(output));

        Assert.Equal(["alpha", "beta"], stack.StartOrder);
        Assert.NotEqual(5999, stack.Port("alpha"));
        Assert.NotEqual(stack.Port("alpha"), stack.Port("beta"));

        var beta = await InfoAsync(stack, "beta");
        Assert.Equal(stack.Url("beta"), beta.Environment["ASPNETCORE_URLS"]);
        Assert.Equal(stack.Url("alpha"), beta.Environment["services__alpha__http__0"]);
        Assert.Equal("beta", beta.Environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("Development", beta.EnvironmentName);
        var projectDirectory = Path.Combine(stack.RepositoryRoot, "tests", "RealGuard.DevHost.TestPart");
        Assert.Equal(projectDirectory, beta.ContentRootPath.TrimEnd('/'));
        Assert.Equal(projectDirectory, beta.CurrentDirectory);
        Assert.Equal(stack.EnvironmentOf("beta")["ASPNETCORE_URLS"], beta.Environment["ASPNETCORE_URLS"]);
    }

    [Fact]
    public async Task A_part_that_exits_while_starting_is_reported_with_its_exit_code_and_last_lines_and_nothing_is_left_running()
    {
        var definition = new StackDefinition([Part("alpha"), Part("crasher") with { References = ["alpha"] }]);
        var options = Options(output).WithEnvironment("crasher", "TESTPART_EXIT_CODE", "3");

        var error = await Assert.ThrowsAsync<StackStartException>(() => LocalStack.StartAsync(definition, options));

        Assert.Equal("crasher", error.Part);
        Assert.Equal(3, error.ExitCode);
        Assert.StartsWith("'crasher' exited with code 3 before becoming healthy.", error.Message);
        Assert.Contains("test part failing on purpose with exit code 3", error.RecentLogs);
        Assert.Contains("  test part failing on purpose with exit code 3", error.Message);
        Assert.False(ProcessTree.IsRunning(Assert.Single(output.ProcessIdsOf("alpha"))));
        Assert.False(Directory.Exists(options.DataRoot));
    }

    [Fact]
    public async Task A_part_that_never_becomes_healthy_times_out_naming_it_and_is_killed()
    {
        var options = Options(output).WithEnvironment("sleepy", "TESTPART_UNHEALTHY", "1");
        options.HealthTimeout = TimeSpan.FromSeconds(1.5);

        var error = await Assert.ThrowsAsync<StackStartException>(() =>
            LocalStack.StartAsync(new StackDefinition([Part("sleepy")]), options));

        Assert.Equal("sleepy", error.Part);
        Assert.Null(error.ExitCode);
        Assert.Contains("did not become healthy", error.Message);
        Assert.Contains("/health did not answer 200 within 1.5 s", error.Message);
        Assert.Contains("test part listening", error.RecentLogs);
        Assert.False(ProcessTree.IsRunning(Assert.Single(output.ProcessIdsOf("sleepy"))));
    }

    [Fact]
    public async Task A_part_that_dies_after_starting_is_reported_as_an_unexpected_exit()
    {
        var definition = new StackDefinition([Part("alpha"), Part("flaky")]);
        var options = Options(output).WithEnvironment("flaky", "TESTPART_CRASH_AFTER_MS", "300");

        await using var stack = await LocalStack.StartAsync(definition, options);
        var exit = await stack.UnexpectedExit.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("flaky", exit.Part);
        Assert.Equal(4, exit.ExitCode);
        Assert.Contains("test part crashing on purpose with exit code 4", exit.RecentLogs);
        Assert.StartsWith("'flaky' exited unexpectedly with code 4.", exit.ToString());
        Assert.False(stack.IsRunning("flaky"));
        Assert.True(stack.IsRunning("alpha"));
    }

    [Fact]
    public async Task One_part_can_be_stopped_and_started_again_on_the_same_url()
    {
        var definition = new StackDefinition([Part("alpha"), Part("beta") with { References = ["alpha"] }]);
        await using var stack = await LocalStack.StartAsync(definition, Options(output));
        var firstProcess = stack.ProcessId("beta");

        await stack.StopPartAsync("beta");

        Assert.False(stack.IsRunning("beta"));
        Assert.False(await IsHealthyAsync(stack.Url("beta")));
        Assert.True(await IsHealthyAsync(stack.Url("alpha")));

        await stack.StartPartAsync("beta");

        Assert.True(stack.IsRunning("beta"));
        Assert.True(await IsHealthyAsync(stack.Url("beta")));
        Assert.NotEqual(firstProcess, stack.ProcessId("beta"));
        Assert.Equal(2, output.ProcessIdsOf("beta").Count);
        Assert.False(stack.UnexpectedExit.IsCompleted);
    }

    [Theory]
    [InlineData(2)] // SIGTERM, then whatever is left is killed
    [InlineData(0)] // the process tree killed at once
    public async Task Stopping_the_stack_leaves_no_process_behind(int gracePeriodSeconds)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the check reads /proc
        }

        var options = Options(output).WithEnvironment("parent", "TESTPART_SPAWN_CHILD", "1");
        options.StopGracePeriod = TimeSpan.FromSeconds(gracePeriodSeconds);
        var stack = await LocalStack.StartAsync(new StackDefinition([Part("parent")]), options);
        var info = await InfoAsync(stack, "parent");
        Assert.True(ProcessTree.IsRunning(info.ChildProcessId!.Value));

        await stack.DisposeAsync();

        Assert.False(ProcessTree.IsRunning(info.ProcessId));
        Assert.False(ProcessTree.IsRunning(info.ChildProcessId.Value));
    }

    [Fact]
    public async Task The_realm_follows_the_ports_and_adjustments_and_its_copy_goes_away_with_the_stack()
    {
        var folder = Directory.CreateTempSubdirectory("realguard-devhost-tests-").FullName;
        try
        {
            var realmFile = Path.Combine(folder, "realm-export.json");
            File.WriteAllText(realmFile, """
                { "accessTokenLifespan": 120, "clients": [ { "clientId": "realguard-web", "redirectUris": [ "http://localhost:5080/*", "http://localhost:50800/*" ] } ] }
                """);
            var definition = new StackDefinition(
            [
                Part("idp") with
                {
                    Environment = new Dictionary<string, Func<StackContext, string>>
                    {
                        [StackConfigKeys.IdentityProviderImportPath] = stack => stack.RealmImportPath,
                    },
                },
                Part("web", port: StackPorts.Web),
            ])
            {
                RealmFile = realmFile,
                RealmOrigins = ["web"],
            };
            var options = Options(output);
            options.AdjustRealm = realm => realm["accessTokenLifespan"] = 5;

            string importPath;
            await using (var stack = await LocalStack.StartAsync(definition, options))
            {
                importPath = (await InfoAsync(stack, "idp")).Environment["IdentityProvider__ImportPath"]!;
                Assert.Equal(stack.RealmImportPath, importPath);

                var copy = JsonNode.Parse(File.ReadAllText(Path.Combine(importPath, "realm-export.json")))!;
                Assert.Equal(5, (int)copy["accessTokenLifespan"]!);
                Assert.Equal($"{stack.Url("web")}/*", (string?)copy["clients"]![0]!["redirectUris"]![0]);
                Assert.Equal("http://localhost:50800/*", (string?)copy["clients"]![0]!["redirectUris"]![1]);
            }

            Assert.False(Directory.Exists(importPath));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Cancelling_a_start_stops_the_part_that_was_starting()
    {
        var options = Options(output).WithEnvironment("sleepy", "TESTPART_UNHEALTHY", "1");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            LocalStack.StartAsync(new StackDefinition([Part("sleepy")]), options, cancellation.Token));

        Assert.False(ProcessTree.IsRunning(Assert.Single(output.ProcessIdsOf("sleepy"))));
    }

    [Fact]
    public async Task On_its_own_ports_a_stack_names_the_part_whose_port_is_taken()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var options = Options(output);
        options.UseFreePorts = false;

        var error = await Assert.ThrowsAsync<StackStartException>(() =>
            LocalStack.StartAsync(new StackDefinition([Part("alpha", port)]), options));

        Assert.Equal("alpha", error.Part);
        Assert.Contains($"cannot listen on port {port}: it is in use", error.Message);
    }

    [Fact]
    public async Task A_part_that_is_not_built_is_reported_with_the_path_it_was_looked_for_at()
    {
        var definition = new StackDefinition([new StackPart("ghost", "services/ghost/RealGuard.Ghost.csproj", 5999)]);

        var error = await Assert.ThrowsAsync<StackStartException>(() => LocalStack.StartAsync(definition, Options(output)));

        Assert.Equal("ghost", error.Part);
        Assert.Contains("is not built", error.Message);
        Assert.Contains(Path.Combine("services", "ghost", "bin"), error.Message);
    }
}

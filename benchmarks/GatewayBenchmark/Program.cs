using RealGuard.Benchmarks;

var settings = BenchmarkSettings.Parse(args);
Console.WriteLine("Starting the stack (identity provider, customer-, notification-, security-system-service, gateway) on free ports...");
await using var stack = await BenchmarkStack.StartAsync();

var token = await stack.LoginAsync();
Console.WriteLine($"One access token for {BenchmarkStack.User.UserName} (realguard-mobile, code flow + PKCE), valid {token.ExpiresIn} s. " +
    $"Per concurrency level and path: {settings.Warmup.TotalSeconds:0} s warm-up, {settings.Duration.TotalSeconds:0} s measured in {settings.Rounds} alternating rounds.");

var results = new List<LoadResult>();
var loadBefore = MachineLoad.Read();
var iamAtStart = stack.IamRequests;
var iamWhileMeasuring = new IamRequestCounter.Counts();
foreach (var concurrency in settings.Concurrency)
{
    using var direct = new LoadRun("direct to security-system-service", stack.SecuritySystemServiceUrl + "/securitysystems", token.AccessToken, concurrency);
    using var gateway = new LoadRun("through the gateway", stack.GatewayUrl + "/securitysystems", token.AccessToken, concurrency);
    await direct.WarmUpAsync(settings.Warmup);
    await gateway.WarmUpAsync(settings.Warmup);
    for (var round = 0; round < settings.Rounds; round++)
    {
        var iamBefore = stack.IamRequests;
        await direct.MeasureAsync(settings.Duration / settings.Rounds);
        await gateway.MeasureAsync(settings.Duration / settings.Rounds);
        iamWhileMeasuring += stack.IamRequests - iamBefore;
    }

    results.Add(direct.Result());
    results.Add(gateway.Result());
}

var iamInAll = stack.IamRequests - iamAtStart;

Console.WriteLine();
Console.WriteLine($"{"GET /securitysystems",-36} {"conns",5} {"req/s",8} {"p50 ms",8} {"p99 ms",8} {"requests",9} {"errors",7}");
foreach (var result in results)
{
    Console.WriteLine($"{result.Name,-36} {result.Concurrency,5} {result.RequestsPerSecond,8:0} {result.P50.TotalMilliseconds,8:0.00} " +
        $"{result.P99.TotalMilliseconds,8:0.00} {result.Requests,9} {result.Errors,7}");
}

Console.WriteLine($"IAM calls while measuring: {iamWhileMeasuring}; in the whole run, warm-ups included: {iamInAll}");
Console.WriteLine($"Load average (1 min) before/after: {loadBefore} / {MachineLoad.Read()} on {Environment.ProcessorCount} cores");
return results.Any(result => result.Errors > 0 || result.Requests == 0) ? 1 : 0;

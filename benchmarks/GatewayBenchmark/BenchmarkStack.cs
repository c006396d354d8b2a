using RealGuard.DevHost;
using RealGuard.Testing;
using static RealGuard.DevHost.StackResources;

namespace RealGuard.Benchmarks;

/// <summary>
/// RealGuard's stack without the web app, started by the DevHost runner code on free ports with temporary data and
/// demo data on. The identity provider logs every request it receives, which is how the run counts IAM calls.
/// The benchmark's client is exempt from the gateway's rate limit: the point is the cost of the gateway, not its limit.
/// </summary>
internal sealed class BenchmarkStack : IAsyncDisposable
{
    public static readonly DemoUser User = DemoUsers.Bob;

    private readonly LocalStack stack;
    private readonly IamRequestCounter iam;

    private BenchmarkStack(LocalStack stack, IamRequestCounter iam)
    {
        this.stack = stack;
        this.iam = iam;
    }

    public string GatewayUrl => stack.Url(Gateway);

    public string SecuritySystemServiceUrl => stack.Url(SecuritySystemService);

    public IamRequestCounter.Counts IamRequests => iam.Current;

    public static async Task<BenchmarkStack> StartAsync()
    {
        var iam = new IamRequestCounter();
        var options = LocalStackOptions.ForTests(iam);
        options.WithEnvironment(Keycloak, "Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics", "Information");
        options.WithEnvironment(Gateway, "Gateway__RateLimit__Clients__realguard-mobile__PermitLimit", int.MaxValue.ToString());

        var definition = RealGuardStack.Define();
        var stack = await LocalStack.StartAsync(definition with { Parts = [.. definition.Parts.Where(part => part.Name != Web)] }, options);
        return new BenchmarkStack(stack, iam);
    }

    public Task<TokenSet> LoginAsync() =>
        UserTokens.LoginAsync(stack.Authority(), User.UserName, User.Password,
            clientId: "realguard-mobile", clientSecret: null, redirectUri: "http://127.0.0.1/callback", scope: "openid profile");

    public ValueTask DisposeAsync() => stack.DisposeAsync();
}

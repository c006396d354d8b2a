using System.Text.Json.Nodes;
using Duende.IdentityModel.Client;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;

namespace RealGuard.IdentityProvider.Tests.Infrastructure;

/// <summary>
/// One running development identity provider: its own process, started by the AppHost exactly as the local
/// stack starts it, on a free port with a temporary data folder, so the tests run beside a running stack.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string Realm = StackResources.Realm;
    private const string Part = StackResources.Keycloak;

    private TestIdentityProvider(RealGuardApp stack)
    {
        Stack = stack;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(stack.Url(Part)),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public RealGuardApp Stack { get; }

    /// <summary>No redirects followed, no cookies kept: what a back-end client sees.</summary>
    public HttpClient Http { get; }

    /// <summary><c>http://localhost:{port}</c></summary>
    public string BaseUrl => Stack.Url(Part);

    public string Authority(string realm = Realm) => $"{BaseUrl}/realms/{realm}";

    public string AdminUrl(string realm = Realm) => $"{BaseUrl}/admin/realms/{realm}";

    /// <param name="adjustRealm">Changes realm-export.json before the IdP imports it (the runner writes a copy).</param>
    /// <param name="configure">More options, e.g. extra environment for the IdP.</param>
    public static async Task<TestIdentityProvider> StartAsync(
        Action<JsonObject>? adjustRealm = null, Action<RealGuardAppOptions>? configure = null)
    {
        var options = new RealGuardAppOptions();
        options.AdjustRealm = adjustRealm;
        configure?.Invoke(options);
        options.Parts = [StackResources.Keycloak];
        var stack = await RealGuardApp.StartAsync(options);
        return new TestIdentityProvider(stack);
    }

    /// <summary>The realm's discovery document, read by Duende.IdentityModel with its default policy (plain HTTP allowed on localhost).</summary>
    public async Task<DiscoveryDocumentResponse> DiscoverAsync(string realm = Realm)
    {
        var disco = await Http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = Authority(realm),
            Policy = { RequireHttps = false },
        });
        Assert.False(disco.IsError, $"Discovery of realm {realm} failed: {disco.Error}");
        return disco;
    }

    /// <summary>Stops the IdP process and starts it again on the same port, data folder and realm.</summary>
    public Task RestartAsync() => Stack.RestartPartAsync(Part);

    public IReadOnlyList<string> RecentLogs => Stack.Logs(Part);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Stack.DisposeAsync();
    }
}

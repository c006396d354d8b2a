using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Duende.IdentityModel.Client;

namespace RealGuard.IdentityProvider.Tests.Infrastructure;

/// <summary>
/// One running development identity provider, hosted in the test process on a free port over real HTTP, with a
/// temporary data folder and its own copy of realm-export.json, so the tests run beside a running stack.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string Realm = "realguard";

    private readonly string folder;
    private readonly Dictionary<string, string?> settings;
    private IdentityProviderFactory factory;

    private TestIdentityProvider(int port, string folder, Dictionary<string, string?> settings)
    {
        Port = port;
        this.folder = folder;
        this.settings = settings;
        factory = Start();
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(BaseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public int Port { get; }

    /// <summary>No redirects followed, no cookies kept: what a back-end client sees.</summary>
    public HttpClient Http { get; }

    /// <summary><c>http://localhost:{port}</c></summary>
    public string BaseUrl => $"http://localhost:{Port}";

    public string Authority(string realm = Realm) => $"{BaseUrl}/realms/{realm}";

    public string AdminUrl(string realm = Realm) => $"{BaseUrl}/admin/realms/{realm}";

    /// <summary>Everything the IdP logged since it first started (restarts included), oldest first.</summary>
    public IReadOnlyList<string> Logs => LogProvider.Lines;

    public IReadOnlyList<string> RecentLogs => Logs;

    /// <summary>The IdP's services (e.g. its <see cref="TimeProvider"/>), as they are now.</summary>
    public IServiceProvider Services => factory.Services;

    private InMemoryLoggerProvider LogProvider { get; } = new();

    /// <param name="adjustRealm">Changes realm-export.json before the IdP imports it (the fixture writes a copy).</param>
    /// <param name="configure">More configuration of the IdP (e.g. <c>IdentityProvider:ImportPath</c>).</param>
    public static Task<TestIdentityProvider> StartAsync(
        Action<JsonObject>? adjustRealm = null, Action<IDictionary<string, string?>>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "realguard-idp-tests", Guid.NewGuid().ToString("N")[..12]);
        var port = FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["IdentityProvider:ImportPath"] = RealmJson.WriteCopy(Path.Combine(folder, "import"), adjustRealm),
            ["IdentityProvider:DataPath"] = Path.Combine(folder, "data"),
            ["IdentityProvider:Hostname"] = $"http://localhost:{port}",
        };
        configure?.Invoke(settings);
        return Task.FromResult(new TestIdentityProvider(port, folder, settings));
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

    /// <summary>Stops the IdP and starts it again on the same port, data folder and realm.</summary>
    public async Task RestartAsync()
    {
        await factory.DisposeAsync();
        factory = Start();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await factory.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by SQLite's pool: the temp folder is cleaned up with the machine.
        }
    }

    private IdentityProviderFactory Start()
    {
        var started = new IdentityProviderFactory(Port, settings, LogProvider);
        started.Start();
        return started;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

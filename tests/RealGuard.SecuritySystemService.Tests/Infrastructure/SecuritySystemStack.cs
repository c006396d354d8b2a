using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;
using RealGuard.Testing;

namespace RealGuard.SecuritySystemService.Tests.Infrastructure;

/// <summary>
/// The identity provider, customer-service, notification-service and security-system-service as real processes with
/// demo data, started by RealGuard's AppHost (Aspire.Hosting.Testing), on free ports with temporary data.
/// </summary>
public sealed class SecuritySystemStack : IAsyncLifetime
{
    public const string Collection = "security-system stack";

    private static readonly string[] Parts =
        [StackResources.Keycloak, StackResources.CustomerService, StackResources.NotificationService, StackResources.SecuritySystemService];
    private static readonly TimeSpan TokenReuse = TimeSpan.FromSeconds(60); // access tokens live 120 s
    private readonly ConcurrentDictionary<string, (string Token, DateTime At)> tokens = new();
    private RealGuardApp? stack;

    public RealGuardApp Stack => stack ?? throw new InvalidOperationException("The stack is not running.");

    public string Authority => Stack.Authority;

    /// <summary>No token attached, no redirects followed.</summary>
    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        var options = new RealGuardAppOptions();
        // The outage tests stop notification-service for a few seconds; a short longest pause lets its events arrive
        // soon after it is back instead of up to 30 s later (the backoff itself is unit-tested).
        options.WithEnvironment(StackResources.SecuritySystemService, "Outbox__MaxRetryDelay", "00:00:02");
        stack = await RealGuardApp.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (stack is not null)
        {
            await stack.DisposeAsync();
        }
    }

    public string Url(string part, string path) => Stack.Url(part) + path;

    /// <summary>Freezes a running part (SIGSTOP) until the result is disposed: it accepts connections and never answers.</summary>
    public IDisposable PausePart(string part)
        => PausedProcess.Pause(Stack.ProcessId(part));

    /// <summary>A demo user's access token, through the login form (reused for a minute).</summary>
    public Task<string> UserTokenAsync(string username) =>
        CachedAsync("user:" + username, async () =>
            (await UserTokens.LoginAsync(Authority, username, username + "-dev-password")).AccessToken);

    /// <summary>The alarm panel's client-credentials token (realguard-device, role alarms:raise).</summary>
    public Task<string> DeviceTokenAsync() =>
        CachedAsync("client:" + DemoData.DeviceClientId,
            () => ServiceTokens.ClientCredentialsAsync(Authority, DemoData.DeviceClientId, DemoData.DeviceClientSecret));

    /// <summary>A request to security-system-service as <paramref name="username"/> (null: no token).</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? username, object? json = null, Action<HttpRequestMessage>? adjust = null)
        => await SendWithTokenAsync(method, Url(StackResources.SecuritySystemService, path),
            username is null ? null : await UserTokenAsync(username), json, adjust);

    public async Task<HttpResponseMessage> SendWithTokenAsync(
        HttpMethod method, string url, string? accessToken, object? json = null, Action<HttpRequestMessage>? adjust = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        request.Content = json switch
        {
            null => null,
            string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
            _ => JsonContent.Create(json),
        };
        adjust?.Invoke(request);
        return await Http.SendAsync(request);
    }

    public async Task<IReadOnlyList<SecuritySystemView>> ListAsync(string username)
    {
        using var response = await SendAsync(HttpMethod.Get, "/securitysystems", username);
        return (await ReadAsync<SecuritySystemListView>(response)).SecuritySystems;
    }

    public async Task<SecuritySystemView> GetAsync(string username, Guid id)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/securitysystems/{id}", username);
        return await ReadAsync<SecuritySystemView>(response);
    }

    public Task<HttpResponseMessage> PutActionAsync(string username, Guid id, string action, string? ifMatch = null)
        => SendAsync(HttpMethod.Put, $"/securitysystems/{id}", username, new { action },
            request => { if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch); });

    public async Task<IReadOnlyList<AuditEntryView>> AuditAsync(string username, Guid id)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/securitysystems/{id}/audit", username);
        return (await ReadAsync<AuditView>(response)).Entries;
    }

    public async Task<HttpResponseMessage> RaiseAlarmAsync(Guid id)
        => await SendWithTokenAsync(HttpMethod.Post, Url(StackResources.SecuritySystemService, $"/securitysystems/{id}/alarms"),
            await DeviceTokenAsync());

    /// <summary>Brings a system back to DISARMED (carol disarms it if needed), so each test starts from the demo state.</summary>
    public async Task DisarmAsync(Guid id)
    {
        var system = await GetAsync("admin", id);
        if (system.State != "DISARMED")
        {
            var disarmer = id == DemoData.AcmeHqSystem ? "carol" : "erin";
            using var response = await PutActionAsync(disarmer, id, "DISARM");
            await ReadAsync<SecuritySystemView>(response);
        }
    }

    /// <summary>The body as <typeparamref name="T"/>, asserting a 2xx first (with the body in the message if not).</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {body}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private async Task<string> CachedAsync(string key, Func<Task<string>> obtain)
    {
        if (tokens.TryGetValue(key, out var cached) && DateTime.UtcNow - cached.At < TokenReuse)
        {
            return cached.Token;
        }

        var token = await obtain();
        tokens[key] = (token, DateTime.UtcNow);
        return token;
    }
}

[CollectionDefinition(SecuritySystemStack.Collection)]
public sealed class SecuritySystemStackCollection : ICollectionFixture<SecuritySystemStack>;

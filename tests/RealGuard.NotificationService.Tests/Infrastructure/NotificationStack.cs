using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;
using RealGuard.Testing;


namespace RealGuard.NotificationService.Tests.Infrastructure;

/// <summary>
/// The identity provider, customer-service (demo data) and notification-service as real processes, started by the
/// AppHost (Aspire.Hosting.Testing), on free ports with temporary data.
/// </summary>
public sealed class NotificationStack : IAsyncLifetime
{
    public const string Collection = "notification stack";

    private static readonly string[] Parts = [StackResources.Keycloak, StackResources.CustomerService, StackResources.NotificationService];
    private const string Sender = StackResources.SecuritySystemService;
    private static readonly TimeSpan TokenReuse = TimeSpan.FromSeconds(60); // access tokens live 120 s
    private readonly ConcurrentDictionary<string, (string Token, DateTime At)> tokens = new();
    private RealGuardApp? stack;

    public RealGuardApp Stack => stack ?? throw new InvalidOperationException("The stack is not running.");

    public string Authority => Stack.Authority;

    /// <summary>notification-service, no token attached; no redirects followed.</summary>
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        stack = await RealGuardApp.StartAsync(new RealGuardAppOptions());
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(stack.Url(StackResources.NotificationService)),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (stack is not null)
        {
            await stack.DisposeAsync();
        }
    }

    /// <summary>Freezes a running part (SIGSTOP) until the result is disposed: it accepts connections and never answers.</summary>
    public IDisposable PausePart(string part)
        => PausedProcess.Pause(Stack.ProcessId(part));

    /// <summary>A demo user's access token, through the login form (reused for a minute).</summary>
    public Task<string> UserTokenAsync(string username) =>
        CachedAsync("user:" + username, async () =>
            (await UserTokens.LoginAsync(Authority, username, username + "-dev-password")).AccessToken);

    /// <summary>security-system-service's client-credentials token: the one caller allowed to post events.</summary>
    public Task<string> SenderTokenAsync() =>
        CachedAsync("client:" + Sender, () => ServiceTokens.ClientCredentialsAsync(Authority, Sender, Sender + "-dev-secret"));

    public async Task<HttpResponseMessage> PostEventAsync(object securitySystemEvent, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/notifications/events")
        {
            Content = JsonContent.Create(securitySystemEvent),
        };
        Authorize(request, accessToken);
        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetNotificationsAsync(string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/notifications");
        Authorize(request, accessToken);
        return await Http.SendAsync(request);
    }

    /// <summary>What <paramref name="username"/> sees at <c>GET /notifications</c>.</summary>
    public async Task<IReadOnlyList<NotificationView>> NotificationsOfAsync(string username)
    {
        using var response = await GetNotificationsAsync(await UserTokenAsync(username));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /notifications as {username}: {(int)response.StatusCode} {body}");
        return (await response.Content.ReadFromJsonAsync<NotificationsView>())!.Notifications;
    }

    /// <summary>Asserts each person sees exactly one notification of the event (naming everyone who does not); returns them.</summary>
    public async Task<IReadOnlyList<NotificationView>> AssertEachNotifiedOnceAsync(IEnumerable<string> usernames, Guid eventId)
    {
        var seen = new List<NotificationView>();
        var wrong = new List<string>();
        foreach (var username in usernames)
        {
            var ofEvent = (await NotificationsOfAsync(username)).Where(n => n.EventId == eventId).ToList();
            if (ofEvent.Count == 1)
            {
                seen.Add(ofEvent[0]);
            }
            else
            {
                wrong.Add($"{username} sees {ofEvent.Count}");
            }
        }

        Assert.True(wrong.Count == 0, $"Each should see one notification of event {eventId}: {string.Join(", ", wrong)}.");
        return seen;
    }

    private static void Authorize(HttpRequestMessage request, string? accessToken)
    {
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
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

[CollectionDefinition(NotificationStack.Collection)]
public sealed class NotificationStackCollection : ICollectionFixture<NotificationStack>;

public sealed record NotificationsView(IReadOnlyList<NotificationView> Notifications);

public sealed record NotificationView(
    Guid Id, Guid EventId, Guid SecuritySystemId, Guid LocationId, string LocationName, string Message, DateTimeOffset OccurredAt);

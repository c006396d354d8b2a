using System.Collections.Concurrent;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;
using RealGuard.Testing;
using static RealGuard.AppHost.StackResources;

namespace RealGuard.CustomerService.Tests.Infrastructure;

/// <summary>
/// The identity provider and customer-service as real processes, started by the AppHost exactly as F5 starts them
/// (the service's own client, demo data, SQLite in a temporary folder), on free ports. Shared by the API tests; users log in through the login form.
/// </summary>
public sealed class CustomerServiceStack : IAsyncLifetime
{
    // Access tokens live 120 s: a cached one is reused for a minute at most.
    private static readonly TimeSpan TokenReuse = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset At)> tokens = new();
    private RealGuardApp? stack;
    private HttpClient? http;

    public RealGuardApp Stack => stack ?? throw new InvalidOperationException("The stack has not started.");

    public string Authority => Stack.Authority;

    public async Task InitializeAsync()
    {
        stack = await RealGuardApp.StartAsync(new RealGuardAppOptions());
        http = new HttpClient { BaseAddress = new Uri(Stack.Url(StackResources.CustomerService)), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (stack is not null)
        {
            await stack.DisposeAsync();
        }
    }

    /// <summary>Calls customer-service with no token.</summary>
    public Caller Anonymous() => new(http!, null);

    public async Task<Caller> AsAsync(DemoUser user) => new(http!, await UserTokenAsync(user.UserName, user.Password));

    public async Task<Caller> AsAsync(string username, string password) => new(http!, await UserTokenAsync(username, password));

    /// <summary>As a service, with its client-credentials token (e.g. notification-service, which holds locations:read-people).</summary>
    public async Task<Caller> AsServiceAsync(string clientId) =>
        new(http!, await ServiceTokens.ClientCredentialsAsync(Authority, clientId, clientId + "-dev-secret"));

    public async Task<string> UserTokenAsync(string username, string password)
    {
        if (tokens.TryGetValue(username, out var cached) && DateTimeOffset.UtcNow - cached.At < TokenReuse)
        {
            return cached.Token;
        }
        var login = await UserTokens.LoginAsync(Authority, username, password);
        tokens[username] = (login.AccessToken, DateTimeOffset.UtcNow);
        return login.AccessToken;
    }

    public IReadOnlyList<string> ServiceLogs => Stack.Logs(StackResources.CustomerService);
}

[CollectionDefinition(Name)]
public sealed class CustomerServiceStackCollection : ICollectionFixture<CustomerServiceStack>
{
    public const string Name = "customer-service stack";
}

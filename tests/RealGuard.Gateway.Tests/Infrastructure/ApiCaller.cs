using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using RealGuard.Testing;

namespace RealGuard.Gateway.Tests.Infrastructure;

/// <summary>An API client of the gateway: sends requests with Basic credentials or a Bearer token, fetches tokens.</summary>
internal sealed class ApiCaller(string gatewayUrl, string authority) : IAsyncDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = new Uri(gatewayUrl),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly ConcurrentDictionary<string, Task<string>> clientTokens = new();

    public string Authority { get; } = authority;

    public static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    /// <summary>A client-credentials token of a realm client (its development secret), fetched once per test run.</summary>
    public Task<string> ClientTokenAsync(string clientId) =>
        clientTokens.GetOrAdd(clientId, id => ServiceTokens.ClientCredentialsAsync(Authority, id, TestClients.SecretOf(id)));

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, AuthenticationHeaderValue? authorization,
        Action<HttpRequestMessage>? configure = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, pathAndQuery) { Content = content };
        request.Headers.Authorization = authorization;
        configure?.Invoke(request);
        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, AuthenticationHeaderValue? authorization,
        Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Get, pathAndQuery, authorization, configure);

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }
}

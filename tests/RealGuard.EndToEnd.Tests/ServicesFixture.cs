using System.Net.Http.Headers;
using System.Net.Http.Json;
using RealGuard.Testing;
using RealGuard.Testing.AppHost;

namespace RealGuard.EndToEnd.Tests;

/// <summary>The whole of RealGuard, started by its AppHost: every part its own process, on free ports, with fresh databases.</summary>
public sealed class ServicesFixture : IAsyncLifetime
{
    public RealGuardApp Stack { get; private set; } = null!;

    public string Authority => Stack.Authority;

    public async Task InitializeAsync() => Stack = await RealGuardApp.StartAsync();

    public async Task DisposeAsync() => await Stack.DisposeAsync();

    /// <summary>A client of one service acting as the user who logged in through the login form.</summary>
    public async Task<HttpClient> LoginAsync(string service, string username, string password)
    {
        var tokens = await UserTokens.LoginAsync(Authority, username, password);
        return ClientOf(service, tokens.AccessToken);
    }

    public HttpClient ClientOf(string service, string accessToken)
    {
        var client = new HttpClient { BaseAddress = new Uri(Stack.Url(service)), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class ServicesCollection : ICollectionFixture<ServicesFixture>
{
    public const string Name = "services";
}

internal static class HttpJson
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}

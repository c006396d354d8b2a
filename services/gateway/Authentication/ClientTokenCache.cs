using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Duende.IdentityModel.Client;

namespace RealGuard.Gateway.Authentication;

/// <summary>Where client-credentials tokens come from, and how long before expiry a cached one is renewed.</summary>
internal sealed record ClientTokenCacheOptions(Uri TokenEndpoint)
{
    public const string HttpClientName = "iam-client-credentials";

    /// <summary>Renew this long before expiry (at most a quarter of the lifetime), so a forwarded token is never stale on arrival.</summary>
    public TimeSpan RefreshBeforeExpiry { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long API requests wait for the IAM, retries of the default resilience policy included, before the gateway
    /// answers 503 (the policy alone would retry with backoff for about 15 s).
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>What the IAM said about a client's credentials.</summary>
internal abstract record ClientTokenResult
{
    public sealed record Issued(string AccessToken, TimeSpan Lifetime) : ClientTokenResult
    {
        public override string ToString() => $"Issued {{ Lifetime = {Lifetime} }}";
    }

    /// <summary>The IAM refused the credentials (unknown client, wrong secret, client-credentials grant not allowed).</summary>
    public sealed record Rejected(string Error) : ClientTokenResult;

    /// <summary>The IAM could not be asked or failed: not the client's fault.</summary>
    public sealed record Unavailable(string Reason) : ClientTokenResult;

    /// <summary>Too many refused attempts for this client lately: not asked at all (see <see cref="FailedCredentialsThrottle"/>).</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : ClientTokenResult;
}

/// <summary>
/// Client-credentials tokens obtained on API clients' behalf: one per client (and secret), requested once and reused
/// until shortly before it expires, one request at a time however many API requests wait for it. The cache key is the
/// client id with a SHA-256 of the secret, so a wrong secret never gets the token of the right one, and the secret
/// itself is kept nowhere. Refusals are not cached: a client that fixes its secret is not locked out.
/// </summary>
internal sealed partial class ClientTokenCache(
    IHttpClientFactory httpClients,
    ClientTokenCacheOptions options,
    TimeProvider time,
    ILogger<ClientTokenCache> logger,
    FailedCredentialsThrottle? throttle = null)
{
    private readonly FailedCredentialsThrottle throttle = throttle ?? new FailedCredentialsThrottle(time);
    private readonly ConcurrentDictionary<string, CachedToken> tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<ClientTokenResult>>> pending = new(StringComparer.Ordinal);

    public async Task<ClientTokenResult> GetTokenAsync(BasicCredentials credentials, CancellationToken cancellationToken = default)
    {
        var key = CacheKey(credentials);
        if (tokens.TryGetValue(key, out var cached) && cached.IsFreshAt(time.GetUtcNow()))
        {
            return cached.Result;
        }

        if (throttle.RetryAfter(credentials.ClientId) is { } retryAfter)
        {
            return new ClientTokenResult.Throttled(retryAfter);
        }

        // One request per key; it runs to its end even if the API request that started it is cancelled,
        // because others may be waiting for the same token.
        Lazy<Task<ClientTokenResult>>? created = null;
        created = new Lazy<Task<ClientTokenResult>>(() => RequestAndStoreAsync(key, credentials, created!));
        return await pending.GetOrAdd(key, created).Value.WaitAsync(cancellationToken);
    }

    private async Task<ClientTokenResult> RequestAndStoreAsync(string key, BasicCredentials credentials, Lazy<Task<ClientTokenResult>> self)
    {
        try
        {
            // A request that just finished may have stored a fresh token between the cache check and this one starting.
            if (tokens.TryGetValue(key, out var cached) && cached.IsFreshAt(time.GetUtcNow()))
            {
                return cached.Result;
            }

            var result = await RequestAsync(credentials);
            if (result is ClientTokenResult.Issued issued)
            {
                RemoveExpired();
                tokens[key] = new CachedToken(issued, time.GetUtcNow(), options.RefreshBeforeExpiry);
            }

            return result;
        }
        finally
        {
            // Before the result is published: whoever comes after it finds the stored token, or asks again.
            pending.TryRemove(KeyValuePair.Create(key, self));
        }
    }

    private async Task<ClientTokenResult> RequestAsync(BasicCredentials credentials)
    {
        TokenResponse response;
        try
        {
            using var timeout = new CancellationTokenSource(options.RequestTimeout);
            response = await httpClients.CreateClient(ClientTokenCacheOptions.HttpClientName).RequestClientCredentialsTokenAsync(
                new ClientCredentialsTokenRequest
                {
                    Address = options.TokenEndpoint.AbsoluteUri,
                    ClientId = credentials.ClientId,
                    ClientSecret = credentials.ClientSecret,
                },
                timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or TimeoutException or Polly.ExecutionRejectedException)
        {
            LogIamUnavailable(credentials.ClientId, e.GetType().Name);
            return new ClientTokenResult.Unavailable(e.GetType().Name);
        }

        if (!response.IsError && response.AccessToken is { Length: > 0 } accessToken && response.ExpiresIn > 0)
        {
            LogTokenIssued(credentials.ClientId, response.ExpiresIn);
            return new ClientTokenResult.Issued(accessToken, TimeSpan.FromSeconds(response.ExpiresIn));
        }

        // OAuth 2.0 errors (RFC 6749 section 5.2) come as 400 or 401 with an error code; anything else is the IAM failing.
        if (response.HttpStatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized && OAuthError(response) is { } error)
        {
            LogCredentialsRejected(credentials.ClientId, error);
            throttle.RecordFailure(credentials.ClientId);
            return new ClientTokenResult.Rejected(error);
        }

        var reason = response.ErrorType == ResponseErrorType.Exception
            ? response.Exception?.GetType().Name ?? "exception"
            : $"HTTP {(int)response.HttpStatusCode}";
        LogIamUnavailable(credentials.ClientId, reason);
        return new ClientTokenResult.Unavailable(reason);
    }

    // Duende reports a non-2xx response's reason phrase as Error; the OAuth error code is in the body.
    private static string? OAuthError(TokenResponse response) =>
        response.Json is { ValueKind: JsonValueKind.Object } json
        && json.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
            ? error.GetString()
            : null;

    // Entries of clients that stopped calling would otherwise stay; their number is bounded by the clients that exist.
    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (key, token) in tokens)
        {
            if (!token.IsFreshAt(now))
            {
                tokens.TryRemove(KeyValuePair.Create(key, token));
            }
        }
    }

    private static string CacheKey(BasicCredentials credentials) =>
        credentials.ClientId + "/" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credentials.ClientSecret)));

    private sealed record CachedToken(ClientTokenResult.Issued Result, DateTimeOffset IssuedAt, TimeSpan RefreshBeforeExpiry)
    {
        private DateTimeOffset RenewAt { get; } = IssuedAt + Result.Lifetime - Min(RefreshBeforeExpiry, Result.Lifetime / 4);

        public bool IsFreshAt(DateTimeOffset now) => now < RenewAt;

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Obtained a client-credentials token for API client {ClientId}, valid {ExpiresIn} s")]
    private partial void LogTokenIssued(string clientId, int expiresIn);

    [LoggerMessage(Level = LogLevel.Information, Message = "The IAM rejected the credentials of API client {ClientId}: {Error}")]
    private partial void LogCredentialsRejected(string clientId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The IAM could not issue a token for API client {ClientId}: {Reason}")]
    private partial void LogIamUnavailable(string clientId, string reason);
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Web;

namespace RealGuard.Testing;

/// <summary>
/// A token endpoint answering client-credentials requests as Keycloak does: a token for known credentials,
/// <c>401 invalid_client</c> otherwise. Counts what it was asked; can be held to make callers wait, or made to fail.
/// </summary>
public sealed class FakeTokenEndpoint : HttpMessageHandler, IHttpClientFactory
{
    private readonly Dictionary<string, string> secrets;
    private readonly ConcurrentQueue<string> requestedBy = new();
    private int issued;

    public FakeTokenEndpoint(params (string ClientId, string Secret)[] clients) =>
        secrets = clients.ToDictionary(client => client.ClientId, client => client.Secret);

    public static Uri Address { get; } = new("http://iam.test/realms/realguard/protocol/openid-connect/token");

    public int ExpiresIn { get; set; } = 120;

    public HttpStatusCode? FailWith { get; set; }

    /// <summary>While set and not completed, requests wait for it (to make concurrent callers overlap).</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>The client id of every token request received, in order.</summary>
    public IReadOnlyList<string> Requests => [.. requestedBy];

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (clientId, secret) = await ReadClientAsync(request);
        requestedBy.Enqueue(clientId ?? "");
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        if (FailWith is { } failure)
        {
            return new HttpResponseMessage(failure) { Content = new StringContent("upstream trouble") };
        }

        if (request.RequestUri != Address || request.Method != HttpMethod.Post)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (clientId is null || !secrets.TryGetValue(clientId, out var expected) || expected != secret)
        {
            return Json(HttpStatusCode.Unauthorized, """{"error":"invalid_client","error_description":"Invalid client or Invalid client credentials"}""");
        }

        var number = Interlocked.Increment(ref issued);
        return Json(HttpStatusCode.OK, $$"""{"access_token":"token-{{number}}-of-{{clientId}}","expires_in":{{ExpiresIn}},"token_type":"Bearer"}""");
    }

    // Client authentication as OAuth 2.0 allows it: Basic with form-encoded parts, or client_id/client_secret in the body.
    private static async Task<(string? ClientId, string? Secret)> ReadClientAsync(HttpRequestMessage request)
    {
        if (request.Headers.Authorization is { Scheme: "Basic", Parameter: { } parameter })
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(parameter)).Split(':', 2);
            return (HttpUtility.UrlDecode(parts[0]), HttpUtility.UrlDecode(parts[1]));
        }

        var form = HttpUtility.ParseQueryString(request.Content is null ? "" : await request.Content.ReadAsStringAsync());
        return (form["client_id"], form["client_secret"]);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) => new(status)
    {
        Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };
}

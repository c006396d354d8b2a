using RealGuard.AppHost;
using RealGuard.Testing.AppHost;

namespace RealGuard.Gateway.Tests.Infrastructure;

/// <summary>
/// The HTTP requests the identity provider received, read from its log: ASP.NET Core's request log (switched on for
/// the tests: "Request starting HTTP/1.1 GET http://localhost:1234/realms/realguard/... - - -") and its own line
/// per token request ("Token request: grant_type=client_credentials client_id=...").
/// </summary>
internal sealed record IamRequests(IReadOnlyList<string> Lines)
{
    public IReadOnlyList<string> Urls { get; } =
    [
        .. Lines.Select(line => line.Trim())
            .Where(line => line.StartsWith("Request starting ", StringComparison.Ordinal))
            .Select(line => line.Split(' ')[4])
            .Where(url => !new Uri(url).AbsolutePath.Equals("/health", StringComparison.Ordinal)), // Aspire's own probe
    ];

    public int TokenRequests => Urls.Count(url => url.Contains("/protocol/openid-connect/token", StringComparison.Ordinal));

    /// <summary>Discovery document and JWKS: what validating a token could need.</summary>
    public int KeyRequests => Urls.Count(url =>
        url.Contains("/protocol/openid-connect/certs", StringComparison.Ordinal) || url.Contains("/.well-known/", StringComparison.Ordinal));

    public int TokenRequestsOf(string clientId) =>
        Lines.Count(line => line.Contains("Token request:", StringComparison.Ordinal) && line.Contains($"client_id={clientId} ", StringComparison.Ordinal));

    /// <summary>
    /// Where the IAM's log stands now. Aspire collects a part's log asynchronously, so a line already written may not
    /// be there yet: the test sends a control request and waits for it; everything received before it is behind the mark.
    /// </summary>
    public static async Task<int> MarkAsync(StackLog log, string authority)
        => await ControlLineAsync(log, 0, authority) + 1;

    /// <summary>What the IAM received after <paramref name="mark"/> in its log, complete (up to a control request of the test's own).</summary>
    public static async Task<IamRequests> ReceivedSinceAsync(StackLog log, int mark, string authority)
    {
        var controlLine = await ControlLineAsync(log, mark, authority);
        return new IamRequests([.. log.Since(StackResources.Keycloak, mark).Take(controlLine - mark)]);
    }

    /// <summary>Sends a control request and returns the index of its line in the IAM's log (the log keeps order).</summary>
    private static async Task<int> ControlLineAsync(StackLog log, int from, string authority)
    {
        var control = "control=" + Guid.NewGuid().ToString("N");
        using (var http = new HttpClient())
        {
            (await http.GetAsync($"{authority}/.well-known/openid-configuration?{control}")).Dispose();
        }

        for (var waited = 0; waited < 200; waited++)
        {
            var line = log.Since(StackResources.Keycloak, from).ToList().FindIndex(line => line.Contains(control, StringComparison.Ordinal));
            if (line >= 0)
            {
                return from + line;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"The control request {control} never showed up in the identity provider's log.");
    }

    public override string ToString() => Urls.Count == 0 ? "none" : string.Join(", ", Urls);
}

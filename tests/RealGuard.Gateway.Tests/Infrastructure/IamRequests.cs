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
            .Select(line => line.Split(' ')[4]),
    ];

    public int TokenRequests => Urls.Count(url => url.Contains("/protocol/openid-connect/token", StringComparison.Ordinal));

    /// <summary>Discovery document and JWKS: what validating a token could need.</summary>
    public int KeyRequests => Urls.Count(url =>
        url.Contains("/protocol/openid-connect/certs", StringComparison.Ordinal) || url.Contains("/.well-known/", StringComparison.Ordinal));

    public int TokenRequestsOf(string clientId) =>
        Lines.Count(line => line.Contains("Token request:", StringComparison.Ordinal) && line.Contains($"client_id={clientId} ", StringComparison.Ordinal));

    /// <summary>
    /// What the IAM received after <paramref name="mark"/> in its log, complete: the test sends a control request of its
    /// own and waits for it to be logged; the log keeps order, so every request received before it is there too.
    /// </summary>
    public static async Task<IamRequests> ReceivedSinceAsync(StackLog log, int mark, string authority)
    {
        var control = "control=" + Guid.NewGuid().ToString("N");
        using (var http = new HttpClient())
        {
            (await http.GetAsync($"{authority}/.well-known/openid-configuration?{control}")).Dispose();
        }

        for (var waited = 0; waited < 200; waited++)
        {
            var lines = log.Since(StackResources.Keycloak, mark).ToList();
            var controlLine = lines.FindIndex(line => line.Contains(control, StringComparison.Ordinal));
            if (controlLine >= 0)
            {
                return new IamRequests(lines[..controlLine]);
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"The control request {control} never showed up in the identity provider's log.");
    }

    public override string ToString() => Urls.Count == 0 ? "none" : string.Join(", ", Urls);
}

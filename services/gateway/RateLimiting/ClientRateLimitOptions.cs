namespace RealGuard.Gateway.RateLimiting;

/// <summary>
/// Requests per client (<c>azp</c>) and fixed window (configuration section <c>Gateway:RateLimit</c>), with
/// per-client overrides under <c>Clients:{clientId}</c>.
/// </summary>
internal sealed class ClientRateLimitOptions
{
    public const string SectionName = "Gateway:RateLimit";

    public int PermitLimit { get; set; } = 100;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    public Dictionary<string, ClientRateLimit> Clients { get; set; } = new(StringComparer.Ordinal);

    public (int PermitLimit, TimeSpan Window) For(string clientId) =>
        Clients.TryGetValue(clientId, out var own)
            ? (own.PermitLimit ?? PermitLimit, own.Window ?? Window)
            : (PermitLimit, Window);
}

internal sealed class ClientRateLimit
{
    public int? PermitLimit { get; set; }

    public TimeSpan? Window { get; set; }
}

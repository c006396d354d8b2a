namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Configuration section <c>ServiceClients:Resilience</c>: how long a client waits for another part, and how long it
/// stops asking a part that keeps failing. One set of values per application, used by every HTTP client it has; a
/// client whose callee has dependencies of its own waits longer (<c>Clients:{client name}</c>), since a caller's budget
/// must cover its callee's.
/// </summary>
public sealed class ServiceClientResilienceOptions
{
    public const string Section = "ServiceClients:Resilience";

    /// <summary>
    /// The whole budget of one call, retries included. A person waits for these calls: a part that does not answer
    /// within it is unavailable (503 with Retry-After), rather than holding the caller for the socket's minutes.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an open circuit answers at once without asking the failing part; also what callers are told to wait
    /// (<c>Retry-After</c>).
    /// </summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(3);
}

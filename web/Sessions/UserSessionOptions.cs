namespace RealGuard.Web.Sessions;

/// <summary>Configuration section <c>Session</c>.</summary>
public sealed class UserSessionOptions
{
    public const string Section = "Session";

    /// <summary><c>Memory</c> (default) or <c>File</c>: see InMemoryUserSessionStore and FileUserSessionStore for the trade-off.</summary>
    public string Store { get; set; } = "Memory";

    /// <summary>The folder of the <c>File</c> store (and of the data-protection keys that encrypt it).</summary>
    public string? Path { get; set; }

    /// <summary>How long a server-side session (and its cookie) lasts; Keycloak's SSO maximum by default.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>How often an open circuit checks that its session still exists.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(5);
}

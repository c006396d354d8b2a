namespace RealGuard.IdentityProvider.Sessions;

/// <summary>A Keycloak user session (SSO session): its id is the <c>sid</c> claim of every token issued in it.</summary>
public sealed class UserSession
{
    public required string Id { get; set; }
    public required string Realm { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The clients that received tokens in this session, space-separated (they get back-channel logout).</summary>
    public string Clients { get; set; } = "";

    public IEnumerable<string> ClientIds => Clients.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>OpenIddict authorizations created in this session, space-separated: revoking them revokes every token issued in it.</summary>
    public string Authorizations { get; set; } = "";

    public IEnumerable<string> AuthorizationIds => Authorizations.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

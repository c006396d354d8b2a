using System.Text.Json.Serialization;

namespace RealGuard.IdentityProvider.Realms;

// The subset of Keycloak's export format (org.keycloak.representations.idm) that RealGuard uses.
// Everything else in an export is ignored on read.

public sealed class RealmRepresentation
{
    public string? Id { get; set; }
    public string? Realm { get; set; }
    public string? DisplayName { get; set; }
    public bool? Enabled { get; set; }
    public int? NotBefore { get; set; }
    public int? AccessTokenLifespan { get; set; }
    public int? AccessCodeLifespan { get; set; }
    public int? SsoSessionIdleTimeout { get; set; }
    public int? SsoSessionMaxLifespan { get; set; }
    public bool? LoginWithEmailAllowed { get; set; }
    public bool? RevokeRefreshToken { get; set; }
    public int? RefreshTokenMaxReuse { get; set; }
    public bool? BruteForceProtected { get; set; }
    public bool? PermanentLockout { get; set; }
    public int? MaxTemporaryLockouts { get; set; }
    public int? FailureFactor { get; set; }
    public int? WaitIncrementSeconds { get; set; }
    public long? QuickLoginCheckMilliSeconds { get; set; }
    public int? MinimumQuickLoginWaitSeconds { get; set; }
    public int? MaxFailureWaitSeconds { get; set; }
    public int? MaxDeltaTimeSeconds { get; set; }
    public string? PasswordPolicy { get; set; }
    public Dictionary<string, string?>? BrowserSecurityHeaders { get; set; }
    public RolesRepresentation? Roles { get; set; }
    public RoleRepresentation? DefaultRole { get; set; }
    public List<ClientRepresentation>? Clients { get; set; }
    public List<ClientScopeRepresentation>? ClientScopes { get; set; }
    public List<string>? DefaultDefaultClientScopes { get; set; }
    public List<string>? DefaultOptionalClientScopes { get; set; }
    public List<UserRepresentation>? Users { get; set; }
}

public sealed class RolesRepresentation
{
    public List<RoleRepresentation>? Realm { get; set; }
    public Dictionary<string, List<RoleRepresentation>>? Client { get; set; }
}

public sealed class RoleRepresentation
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public bool? Composite { get; set; }
    public bool? ClientRole { get; set; }
    public RoleCompositesRepresentation? Composites { get; set; }
}

public sealed class RoleCompositesRepresentation
{
    public List<string>? Realm { get; set; }
    public Dictionary<string, List<string>>? Client { get; set; }
}

public sealed class ClientRepresentation
{
    public string? Id { get; set; }
    public string? ClientId { get; set; }
    public string? Name { get; set; }
    public string? Protocol { get; set; }
    public string? RootUrl { get; set; }
    public string? Secret { get; set; }
    public bool? Enabled { get; set; }
    public bool? PublicClient { get; set; }
    public bool? BearerOnly { get; set; }
    public bool? StandardFlowEnabled { get; set; }
    public bool? DirectAccessGrantsEnabled { get; set; }
    public bool? ServiceAccountsEnabled { get; set; }
    public List<string>? RedirectUris { get; set; }
    public List<string>? WebOrigins { get; set; }
    public List<string>? DefaultClientScopes { get; set; }
    public List<string>? OptionalClientScopes { get; set; }
    public Dictionary<string, string?>? Attributes { get; set; }
    public List<ProtocolMapperRepresentation>? ProtocolMappers { get; set; }
}

public sealed class ClientScopeRepresentation
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Protocol { get; set; }
    public Dictionary<string, string?>? Attributes { get; set; }
    public List<ProtocolMapperRepresentation>? ProtocolMappers { get; set; }
}

public sealed class ProtocolMapperRepresentation
{
    public string? Name { get; set; }
    public string? Protocol { get; set; }
    public string? ProtocolMapper { get; set; }
    public Dictionary<string, string?>? Config { get; set; }
}

public sealed class UserRepresentation
{
    public string? Id { get; set; }
    public string? Username { get; set; }
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public bool? Enabled { get; set; }
    public bool? EmailVerified { get; set; }
    public long? CreatedTimestamp { get; set; }
    public string? ServiceAccountClientId { get; set; }
    public List<CredentialRepresentation>? Credentials { get; set; }
    public List<string>? RealmRoles { get; set; }
    public Dictionary<string, List<string>>? ClientRoles { get; set; }
    public Dictionary<string, List<string>>? Attributes { get; set; }
}

public sealed class CredentialRepresentation
{
    public string? Type { get; set; }
    public string? Value { get; set; }
    public bool? Temporary { get; set; }
    public string? SecretData { get; set; }
    public string? CredentialData { get; set; }
}

/// <summary>A users file as Keycloak writes it beside a realm file (<c>&lt;realm&gt;-users-N.json</c>).</summary>
public sealed class UsersFileRepresentation
{
    public string? Realm { get; set; }
    public List<UserRepresentation>? Users { get; set; }
}

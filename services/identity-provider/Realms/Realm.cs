using RealGuard.IdentityProvider.Users;

namespace RealGuard.IdentityProvider.Realms;

/// <summary>An imported realm: its settings with Keycloak's defaults, clients, client scopes, roles and users.</summary>
public sealed class Realm
{
    private readonly Dictionary<string, RoleRepresentation> _realmRoles;
    private readonly Dictionary<(string Client, string Role), RoleRepresentation> _clientRoles;

    public Realm(RealmRepresentation representation)
    {
        Representation = representation;
        Name = representation.Realm!;
        _realmRoles = (representation.Roles?.Realm ?? []).Where(r => r.Name is not null)
            .DistinctBy(r => r.Name).ToDictionary(r => r.Name!, StringComparer.Ordinal);
        _clientRoles = (representation.Roles?.Client ?? []).SelectMany(c => c.Value.Where(r => r.Name is not null).Select(r => (Key: (c.Key, r.Name!), Role: r)))
            .DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => x.Role);
        ClientScopes = (representation.ClientScopes ?? []).Where(s => s.Name is not null && (s.Protocol ?? "openid-connect") == "openid-connect")
            .DistinctBy(s => s.Name).ToDictionary(s => s.Name!, StringComparer.Ordinal);
        Clients = (representation.Clients ?? []).Where(c => c.ClientId is not null && (c.Protocol ?? "openid-connect") == "openid-connect")
            .DistinctBy(c => c.ClientId).ToDictionary(c => c.ClientId!, c => new RealmClient(c, this), StringComparer.Ordinal);
        Users = ImportUsers(representation);
        BruteForce = BruteForceSettings.From(representation);
        PasswordPolicy = PasswordPolicy.Parse(representation.PasswordPolicy);
        BrowserSecurityHeaders = SecurityHeaders.From(representation.BrowserSecurityHeaders);
    }

    public RealmRepresentation Representation { get; }
    public string Name { get; }
    public string DisplayName => Representation.DisplayName ?? Name;
    public bool Enabled => Representation.Enabled ?? true;
    public TimeSpan AccessTokenLifespan => TimeSpan.FromSeconds(Representation.AccessTokenLifespan ?? 300);
    public TimeSpan AccessCodeLifespan => TimeSpan.FromSeconds(Representation.AccessCodeLifespan ?? 60);
    public TimeSpan SsoSessionIdleTimeout => TimeSpan.FromSeconds(Representation.SsoSessionIdleTimeout ?? 1800);
    public TimeSpan SsoSessionMaxLifespan => TimeSpan.FromSeconds(Representation.SsoSessionMaxLifespan ?? 36000);
    public bool LoginWithEmailAllowed => Representation.LoginWithEmailAllowed ?? true;
    public bool RevokeRefreshToken => Representation.RevokeRefreshToken ?? false;
    public int RefreshTokenMaxReuse => Math.Max(Representation.RefreshTokenMaxReuse ?? 0, 0);
    public BruteForceSettings BruteForce { get; }
    public PasswordPolicy PasswordPolicy { get; }
    /// <summary>The headers Keycloak puts on its HTML pages, by HTTP header name.</summary>
    public IReadOnlyDictionary<string, string> BrowserSecurityHeaders { get; }
    public IReadOnlyDictionary<string, RealmClient> Clients { get; }
    public IReadOnlyDictionary<string, ClientScopeRepresentation> ClientScopes { get; }
    public IReadOnlyList<UserAccount> Users { get; }

    public RealmClient? FindClient(string? clientId) =>
        clientId is not null && Clients.TryGetValue(clientId, out var client) && client.Enabled ? client : null;

    public bool HasRealmRole(string name) => _realmRoles.ContainsKey(name);

    public RoleRepresentation? FindRealmRole(string name) => _realmRoles.GetValueOrDefault(name);

    /// <summary>The user's effective roles: direct ones, the realm's default role, and every composite expanded.</summary>
    public EffectiveRoles ExpandRoles(UserAccount user)
    {
        var realmRoles = new SortedSet<string>(StringComparer.Ordinal);
        var clientRoles = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var direct = user.RealmRoles.AsEnumerable();
        if (Representation.DefaultRole?.Name is { } defaultRole)
        {
            direct = direct.Append(defaultRole);
        }
        foreach (var role in direct)
        {
            AddRealmRole(role);
        }
        foreach (var (client, roles) in user.ClientRoles)
        {
            foreach (var role in roles)
            {
                AddClientRole(client, role);
            }
        }
        return new EffectiveRoles(realmRoles, clientRoles.ToDictionary(c => c.Key, c => (IReadOnlySet<string>)c.Value, StringComparer.Ordinal));

        void AddRealmRole(string name)
        {
            if (!realmRoles.Add(name) || !_realmRoles.TryGetValue(name, out var role))
            {
                return;
            }
            AddComposites(role);
        }

        void AddClientRole(string client, string name)
        {
            if (!clientRoles.TryGetValue(client, out var set))
            {
                clientRoles[client] = set = new SortedSet<string>(StringComparer.Ordinal);
            }
            if (!set.Add(name) || !_clientRoles.TryGetValue((client, name), out var role))
            {
                return;
            }
            AddComposites(role);
        }

        void AddComposites(RoleRepresentation role)
        {
            foreach (var name in role.Composites?.Realm ?? [])
            {
                AddRealmRole(name);
            }
            foreach (var (client, names) in role.Composites?.Client ?? [])
            {
                foreach (var name in names)
                {
                    AddClientRole(client, name);
                }
            }
        }
    }

    private IReadOnlyList<UserAccount> ImportUsers(RealmRepresentation representation)
    {
        var users = (representation.Users ?? []).Where(u => u.Username is not null)
            .Select(u => UserAccount.FromRepresentation(Name, u)).ToList();

        // Keycloak creates a service-account user for every client that has service accounts enabled.
        foreach (var client in Clients.Values.Where(c => c.ServiceAccountsEnabled))
        {
            if (!users.Any(u => u.ServiceAccountClientId == client.ClientId))
            {
                users.Add(UserAccount.ServiceAccountFor(Name, client.ClientId));
            }
        }
        return users;
    }
}

public sealed record EffectiveRoles(IReadOnlySet<string> RealmRoles, IReadOnlyDictionary<string, IReadOnlySet<string>> ClientRoles)
{
    public bool HasClientRole(string client, string role) => ClientRoles.TryGetValue(client, out var roles) && roles.Contains(role);
}

namespace RealGuard.IdentityProvider.Realms;

/// <summary>The realms imported at start-up, and the one the current request is addressed to.</summary>
public sealed class RealmCatalog(IReadOnlyList<Realm> realms)
{
    private const string RealmItem = "keycloak.realm";
    private readonly Dictionary<string, Realm> _realms = realms.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<Realm> All => _realms.Values;

    public Realm? Find(string? name) => name is not null && _realms.TryGetValue(name, out var realm) && realm.Enabled ? realm : null;

    public static Realm? Current(HttpContext context) => context.Items[RealmItem] as Realm;

    public static Realm Required(HttpContext context) =>
        Current(context) ?? throw new InvalidOperationException("The request was not addressed to a realm.");

    public static void SetCurrent(HttpContext context, Realm realm) => context.Items[RealmItem] = realm;
}

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealGuard.IdentityProvider.Realms;

/// <summary>The client scopes in effect for a request: the client's default scopes plus the optional ones it asked for.</summary>
public sealed record ResolvedScopes(IReadOnlyList<string> ClientScopes, bool OpenId, IReadOnlyList<string> Invalid)
{
    public static ResolvedScopes For(RealmClient client, IEnumerable<string> requested)
    {
        var asked = requested.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var known = client.Realm.ClientScopes;
        var defaults = client.DefaultClientScopes.Where(known.ContainsKey);
        var optional = asked.Where(s => client.OptionalClientScopes.Contains(s) && known.ContainsKey(s));
        var invalid = asked.Where(s => s != Scopes.OpenId && !client.DefaultClientScopes.Contains(s) && !client.OptionalClientScopes.Contains(s)).ToList();
        return new ResolvedScopes(defaults.Concat(optional).Distinct().ToList(), asked.Contains(Scopes.OpenId), invalid);
    }

    public string InvalidDescription => "Invalid scopes: " + string.Join(' ', Invalid);
}

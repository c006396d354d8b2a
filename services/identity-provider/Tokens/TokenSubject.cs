using RealGuard.IdentityProvider.Realms;
using RealGuard.IdentityProvider.Users;

namespace RealGuard.IdentityProvider.Tokens;

/// <summary>Who a token is about and for: the inputs Keycloak's protocol mappers read.</summary>
public sealed record TokenSubject(
    Realm Realm,
    RealmClient Client,
    UserAccount User,
    string? SessionId,
    DateTimeOffset? AuthTime,
    string Acr,
    IReadOnlyList<string> ClientScopes,
    bool OpenId,
    IReadOnlyDictionary<string, string> SessionNotes);

public enum TokenKind
{
    Access,
    Id,
    UserInfo,
    Introspection,
}

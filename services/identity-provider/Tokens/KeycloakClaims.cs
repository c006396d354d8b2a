namespace RealGuard.IdentityProvider.Tokens;

/// <summary>The claims of each kind of token, as Keycloak composes them: fixed claims, then every protocol mapper in effect.</summary>
public static class KeycloakClaims
{
    public static Dictionary<string, object> Build(TokenSubject subject, TokenKind kind)
    {
        var claims = new ClaimSet();
        if (kind is TokenKind.Id)
        {
            claims.AddAudience(subject.Client.ClientId);
        }
        claims.Set("sub", subject.User.Id);
        if (kind is not TokenKind.UserInfo)
        {
            claims.Set("typ", kind is TokenKind.Id ? "ID" : "Bearer");
            claims.Set("azp", subject.Client.ClientId);
            if (subject.SessionId is not null)
            {
                claims.Set("sid", subject.SessionId);
            }
        }

        foreach (var mapper in MappersInEffect(subject))
        {
            ProtocolMappers.Apply(mapper, subject, kind, claims);
        }

        if (kind is TokenKind.Access or TokenKind.Introspection)
        {
            claims.Set("scope", Scope(subject.Realm, subject.ClientScopes, subject.OpenId));
        }
        return claims.ToDictionary();
    }

    /// <summary>The <c>scope</c> claim: openid and every scope in effect that Keycloak lists in tokens.</summary>
    public static string Scope(Realms.Realm realm, IEnumerable<string> clientScopes, bool openId)
    {
        var names = clientScopes
            .Where(name => realm.ClientScopes.GetValueOrDefault(name)?.Attributes?.GetValueOrDefault("include.in.token.scope") != "false");
        return string.Join(' ', (openId ? ["openid"] : Array.Empty<string>()).Concat(names));
    }

    private static IEnumerable<Realms.ProtocolMapperRepresentation> MappersInEffect(TokenSubject subject) =>
        subject.ClientScopes
            .Select(name => subject.Realm.ClientScopes.GetValueOrDefault(name))
            .SelectMany(scope => scope?.ProtocolMappers ?? [])
            .Concat(subject.Client.Representation.ProtocolMappers ?? [])
            .Where(mapper => (mapper.Protocol ?? "openid-connect") == "openid-connect");
}

namespace RealGuard.IdentityProvider.Realms;

/// <summary>An OpenID Connect client of a realm, read with Keycloak's defaults and attribute names.</summary>
public sealed class RealmClient(ClientRepresentation representation, Realm realm)
{
    public ClientRepresentation Representation { get; } = representation;
    public Realm Realm { get; } = realm;
    public string ClientId => Representation.ClientId!;
    public bool Enabled => Representation.Enabled ?? true;
    public bool IsPublic => Representation.PublicClient ?? false;
    public bool IsBearerOnly => Representation.BearerOnly ?? false;
    public string? Secret => Representation.Secret;
    public bool StandardFlowEnabled => !IsBearerOnly && (Representation.StandardFlowEnabled ?? true);
    public bool DirectAccessGrantsEnabled => !IsBearerOnly && (Representation.DirectAccessGrantsEnabled ?? false);
    public bool ServiceAccountsEnabled => !IsBearerOnly && !IsPublic && (Representation.ServiceAccountsEnabled ?? false);
    public bool RequiresPkceS256 => Attribute("pkce.code.challenge.method") == "S256";
    public bool UseRefreshTokens => Attribute("use.refresh.tokens") != "false";
    public bool UseRefreshTokenForClientCredentials => Attribute("client_credentials.use_refresh_token") == "true";
    public string? BackchannelLogoutUrl => NullIfEmpty(Attribute("backchannel.logout.url"));
    public bool BackchannelLogoutSessionRequired => Attribute("backchannel.logout.session.required") != "false";
    public IReadOnlyList<string> RedirectUris => Representation.RedirectUris ?? [];

    public TimeSpan AccessTokenLifespan =>
        int.TryParse(Attribute("access.token.lifespan"), out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : Realm.AccessTokenLifespan;

    /// <summary>Keycloak keeps post-logout redirect URIs in one attribute, separated by <c>##</c>; <c>+</c> means "the redirect URIs".</summary>
    public IReadOnlyList<string> PostLogoutRedirectUris =>
        (Attribute("post.logout.redirect.uris") ?? "").Split("##", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(uri => uri == "+" ? RedirectUris : [uri]).Distinct().ToList();

    /// <summary>Web origins for the <c>allowed-origins</c> claim; <c>+</c> means the origins of the redirect URIs.</summary>
    public IReadOnlyList<string> WebOrigins =>
        (Representation.WebOrigins ?? []).SelectMany(origin => origin == "+"
            ? RedirectUris.Select(OriginOf).OfType<string>()
            : [origin]).Distinct().ToList();

    public IReadOnlyList<string> DefaultClientScopes => Representation.DefaultClientScopes ?? Realm.Representation.DefaultDefaultClientScopes ?? [];

    public IReadOnlyList<string> OptionalClientScopes => Representation.OptionalClientScopes ?? Realm.Representation.DefaultOptionalClientScopes ?? [];

    public string? Attribute(string name) => Representation.Attributes?.GetValueOrDefault(name);

    private static string? OriginOf(string uri) =>
        Uri.TryCreate(uri.TrimEnd('*'), UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
            ? parsed.GetLeftPart(UriPartial.Authority) : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

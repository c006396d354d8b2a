namespace RealGuard.IdentityProvider;

public sealed class IdentityProviderOptions
{
    public const string SectionName = "IdentityProvider";

    /// <summary>A realm export, or a folder of them (as Keycloak's data/import folder).</summary>
    public string ImportPath { get; set; } = "";

    /// <summary>Where the signing key and the database live, so they survive a restart.</summary>
    public string DataPath { get; set; } = "";

    /// <summary>
    /// The public URL of the server (Keycloak's <c>KC_HOSTNAME</c>), e.g. <c>http://localhost:8080</c>: issuer and
    /// endpoint URLs are built from it, never from the request's <c>Host</c> header. Empty: they follow the request,
    /// as Keycloak's <c>start-dev</c> (behind a proxy such as Aspire's the listen address is not the public one).
    /// </summary>
    public string Hostname { get; set; } = "";
}

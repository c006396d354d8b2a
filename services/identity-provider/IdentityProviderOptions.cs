namespace RealGuard.IdentityProvider;

public sealed class IdentityProviderOptions
{
    public const string SectionName = "IdentityProvider";

    /// <summary>A realm export, or a folder of them (as Keycloak's data/import folder).</summary>
    public string ImportPath { get; set; } = "";

    /// <summary>Where the signing key and the database live, so they survive a restart.</summary>
    public string DataPath { get; set; } = "";
}

namespace RealGuard.AppHost;

/// <summary>One secret Aspire parameter per confidential client of the realm, by client id.</summary>
internal sealed class ClientSecrets(IReadOnlyDictionary<string, IResourceBuilder<ParameterResource>> parameters)
{
    public IResourceBuilder<ParameterResource> this[string clientId] =>
        parameters.TryGetValue(clientId, out var parameter)
            ? parameter
            : throw new ArgumentException($"The realm has no confidential client '{clientId}'.", nameof(clientId));

    public IEnumerable<KeyValuePair<string, IResourceBuilder<ParameterResource>>> All => parameters;
}

internal static class ClientSecretExtensions
{
    /// <summary>
    /// Locally the secrets are realm-export.json's development secrets, because the local Keycloak imports that
    /// file as is. When publishing they have no value here: azd asks for each one and keeps it in its environment.
    /// </summary>
    public static ClientSecrets AddClientSecrets(this IDistributedApplicationBuilder builder) =>
        new(RealmClients.Confidential.ToDictionary(
            clientId => clientId,
            clientId => builder.ExecutionContext.IsRunMode
                ? builder.AddParameter(AppHostResources.ClientSecretParameter(clientId), RealmClients.DevelopmentSecret(clientId), secret: true)
                : builder.AddParameter(AppHostResources.ClientSecretParameter(clientId), secret: true)));
}

namespace RealGuard.Web.Authentication;

/// <summary>Whether the IAM answers now: its discovery document within a few seconds.</summary>
public class IdentityProviderStatus(IHttpClientFactory httpClients, KeycloakSettings settings, IdentityProviderMetadata metadata)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public virtual async Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await httpClients.CreateClient(Tokens.KeycloakTokenEndpoint.HttpClientName)
                .GetAsync($"{settings.Authority}/.well-known/openid-configuration", timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            // The handler's configuration manager backs off after failures; let it fetch again now that the IAM answers.
            await EnsureMetadataAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task EnsureMetadataAsync(CancellationToken cancellationToken)
    {
        try
        {
            await metadata.GetAsync(cancellationToken);
        }
        catch (IdentityProviderUnavailableException)
        {
            metadata.RequestRefresh();
        }
    }
}

using System.Security.Claims;
using OpenIddict.Abstractions;
using RealGuard.IdentityProvider.Data;
using RealGuard.IdentityProvider.Realms;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealGuard.IdentityProvider.Sessions;

/// <summary>
/// Ties OpenIddict's tokens to the SSO session: each client login in a session gets an ad-hoc OpenIddict authorization,
/// so that ending the session revokes every code, access and refresh token issued in it.
/// </summary>
public sealed class SessionGrants(
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    IdentityProviderDbContext db)
{
    public async Task AttachAsync(ClaimsPrincipal principal, RealmClient client, UserSession session, CancellationToken cancellationToken = default)
    {
        var application = await applications.FindByClientIdAsync(client.ClientId, cancellationToken)
            ?? throw new InvalidOperationException($"Client {client.ClientId} is not registered.");
        var authorization = await authorizations.CreateAsync(principal, principal.GetClaim(Claims.Subject)!,
            (await applications.GetIdAsync(application, cancellationToken))!, AuthorizationTypes.AdHoc, principal.GetScopes(), cancellationToken);
        var id = (await authorizations.GetIdAsync(authorization, cancellationToken))!;
        principal.SetAuthorizationId(id);
        session.Authorizations = string.Join(' ', session.AuthorizationIds.Append(id));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RevokeAsync(UserSession session, CancellationToken cancellationToken = default)
    {
        foreach (var id in session.AuthorizationIds)
        {
            if (await authorizations.FindByIdAsync(id, cancellationToken) is { } authorization)
            {
                await authorizations.TryRevokeAsync(authorization, cancellationToken);
            }
            await tokens.RevokeByAuthorizationIdAsync(id, cancellationToken);
        }
    }
}

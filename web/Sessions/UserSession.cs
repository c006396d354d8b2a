using RealGuard.Web.Tokens;

namespace RealGuard.Web.Sessions;

/// <summary>
/// One signed-in browser session, kept on the server. The browser's cookie holds only <see cref="Key"/>.
/// The authentication ticket (claims, properties) is stored without tokens; the tokens are kept beside it,
/// so renewing the cookie can never put back tokens that a refresh has replaced.
/// </summary>
/// <param name="Key">Random, unguessable; the cookie's reference and the <see cref="SessionClaims.SessionKey"/> claim.</param>
/// <param name="SubjectId">The user's <c>sub</c> at the IAM.</param>
/// <param name="IdentityProviderSessionId">The IAM's session id (<c>sid</c>), matched by back-channel logout.</param>
/// <param name="Ticket">The serialized authentication ticket, tokens removed.</param>
/// <param name="ExpiresAt">When the cookie session ends even if the IAM session goes on.</param>
public sealed record UserSession(
    string Key,
    string SubjectId,
    string? IdentityProviderSessionId,
    byte[] Ticket,
    DateTimeOffset ExpiresAt,
    UserTokens Tokens);

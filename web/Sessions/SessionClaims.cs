namespace RealGuard.Web.Sessions;

public static class SessionClaims
{
    /// <summary>
    /// The key of the server-side session, added at sign-in. Circuits find their session through this claim of
    /// their authentication state, never through an HttpContext (a circuit outlives the request that started it).
    /// </summary>
    public const string SessionKey = "realguard_session";

    /// <summary>The IAM's session id, as Keycloak names it in ID tokens and logout tokens.</summary>
    public const string IdentityProviderSessionId = "sid";

    public const string Subject = "sub";
}

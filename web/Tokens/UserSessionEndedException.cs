namespace RealGuard.Web.Tokens;

/// <summary>The server-side session is gone (logout, back-channel logout, a refresh the IAM refused): the user must log in again.</summary>
public sealed class UserSessionEndedException(string message = "The session has ended; log in again.") : Exception(message);

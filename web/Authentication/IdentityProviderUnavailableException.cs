namespace RealGuard.Web.Authentication;

/// <summary>The IAM cannot be reached (or answers with a server error); not the user's fault, and it passes.</summary>
public sealed class IdentityProviderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

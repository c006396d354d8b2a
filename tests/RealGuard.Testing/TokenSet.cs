namespace RealGuard.Testing;

/// <summary>The tokens of one login.</summary>
public sealed record TokenSet(string AccessToken, string? RefreshToken, string? IdentityToken, int ExpiresIn);

namespace RealGuard.Web.Sessions;

/// <summary>Where server-side sessions live. Every operation on one key is atomic within this process.</summary>
public interface IUserSessionStore
{
    Task<UserSession?> GetAsync(string key, CancellationToken cancellationToken = default);

    Task SaveAsync(UserSession session, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="change"/> to the session as it is now; null when the session is gone.</summary>
    Task<UserSession?> UpdateAsync(string key, Func<UserSession, UserSession> change, CancellationToken cancellationToken = default);

    /// <summary>Ends one session; false when there was none.</summary>
    Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Ends every session of an IAM session (<paramref name="identityProviderSessionId"/>), or, without one, every session of the user.</summary>
    Task<IReadOnlyList<string>> RemoveMatchingAsync(string? subjectId, string? identityProviderSessionId, CancellationToken cancellationToken = default);

    /// <summary>Drops sessions whose cookie lifetime is over.</summary>
    Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}

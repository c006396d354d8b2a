using System.Collections.Concurrent;

namespace RealGuard.Web.Sessions;

/// <summary>
/// Sessions in this process's memory: fast, nothing to set up, but every user logs in again when the app restarts,
/// and two instances do not share sessions (put a sticky load balancer or a shared store in front of more than one).
/// </summary>
public class InMemoryUserSessionStore : IUserSessionStore
{
    private readonly ConcurrentDictionary<string, UserSession> sessions = new(StringComparer.Ordinal);

    public int Count => sessions.Count;

    public Task<UserSession?> GetAsync(string key, CancellationToken cancellationToken = default)
        => Task.FromResult(sessions.GetValueOrDefault(key));

    public async Task SaveAsync(UserSession session, CancellationToken cancellationToken = default)
    {
        sessions[session.Key] = session;
        await OnSavedAsync(session, cancellationToken);
    }

    public async Task<UserSession?> UpdateAsync(string key, Func<UserSession, UserSession> change, CancellationToken cancellationToken = default)
    {
        while (sessions.TryGetValue(key, out var current))
        {
            var changed = change(current);
            if (sessions.TryUpdate(key, changed, current))
            {
                await OnSavedAsync(changed, cancellationToken);
                return changed;
            }
        }

        return null;
    }

    public async Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!sessions.TryRemove(key, out _))
        {
            return false;
        }

        await OnRemovedAsync(key, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<string>> RemoveMatchingAsync(string? subjectId, string? identityProviderSessionId, CancellationToken cancellationToken = default)
    {
        if (subjectId is null && identityProviderSessionId is null)
        {
            return [];
        }

        var matching = sessions.Values
            .Where(session => identityProviderSessionId is not null
                ? session.IdentityProviderSessionId == identityProviderSessionId && (subjectId is null || session.SubjectId == subjectId)
                : session.SubjectId == subjectId)
            .Select(session => session.Key)
            .ToList();
        var removed = new List<string>();
        foreach (var key in matching)
        {
            if (await RemoveAsync(key, cancellationToken))
            {
                removed.Add(key);
            }
        }

        return removed;
    }

    public async Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var removed = 0;
        foreach (var session in sessions.Values.Where(session => session.ExpiresAt <= now).ToList())
        {
            removed += await RemoveAsync(session.Key, cancellationToken) ? 1 : 0;
        }

        return removed;
    }

    /// <summary>Loads sessions kept elsewhere (at start-up).</summary>
    protected void Load(IEnumerable<UserSession> loaded)
    {
        foreach (var session in loaded)
        {
            sessions[session.Key] = session;
        }
    }

    protected virtual Task OnSavedAsync(UserSession session, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnRemovedAsync(string key, CancellationToken cancellationToken) => Task.CompletedTask;
}

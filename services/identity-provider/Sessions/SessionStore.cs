using Microsoft.EntityFrameworkCore;
using RealGuard.IdentityProvider.Data;
using RealGuard.IdentityProvider.Realms;

namespace RealGuard.IdentityProvider.Sessions;

/// <summary>Starts, finds, extends and ends SSO sessions with the realm's idle and maximum lifespans.</summary>
public sealed class SessionStore(IdentityProviderDbContext db, TimeProvider time)
{
    public async Task<UserSession> StartAsync(Realm realm, string userId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var session = new UserSession { Id = Guid.NewGuid().ToString(), Realm = realm.Name, UserId = userId, StartedAt = now, LastSeenAt = now };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>The session if it is still active, with its idle time reset; null once it ended or expired.</summary>
    public async Task<UserSession?> FindActiveAsync(Realm realm, string? id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == id && s.Realm == realm.Name, cancellationToken);
        var now = time.GetUtcNow();
        if (session is null || session.EndedAt is not null ||
            now - session.LastSeenAt > realm.SsoSessionIdleTimeout || now - session.StartedAt > realm.SsoSessionMaxLifespan)
        {
            return null;
        }
        session.LastSeenAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    public async Task AddClientAsync(UserSession session, string clientId, CancellationToken cancellationToken = default)
    {
        if (!session.ClientIds.Contains(clientId))
        {
            session.Clients = string.Join(' ', session.ClientIds.Append(clientId));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Ends the session; returns it (with its clients) if it was active.</summary>
    public async Task<UserSession?> EndAsync(Realm realm, string? id, CancellationToken cancellationToken = default)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == id && s.Realm == realm.Name, cancellationToken);
        if (session is null || session.EndedAt is not null)
        {
            return null;
        }
        session.EndedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    public DateTimeOffset ExpiresAt(Realm realm, UserSession session) =>
        Min(session.LastSeenAt + realm.SsoSessionIdleTimeout, session.StartedAt + realm.SsoSessionMaxLifespan);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

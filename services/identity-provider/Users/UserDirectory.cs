using Microsoft.EntityFrameworkCore;
using RealGuard.IdentityProvider.Data;
using RealGuard.IdentityProvider.Realms;

namespace RealGuard.IdentityProvider.Users;

/// <summary>Finds, authenticates and saves users: stored rows first, then the users imported with the realm.</summary>
public sealed class UserDirectory(IdentityProviderDbContext db)
{
    public async Task<UserAccount?> FindByIdAsync(Realm realm, string id, CancellationToken cancellationToken = default)
    {
        var stored = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Realm == realm.Name && u.Id == id, cancellationToken);
        return stored?.ToAccount() ?? realm.Users.FirstOrDefault(u => u.Id == id);
    }

    public async Task<UserAccount?> FindByUsernameAsync(Realm realm, string username, CancellationToken cancellationToken = default)
    {
        username = username.Trim().ToLowerInvariant();
        var imported = realm.Users.FirstOrDefault(u => u.Username == username);
        var importedId = imported?.Id ?? "";
        // One query whether or not the name is known, so the lookup itself does not tell who exists.
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.Realm == realm.Name && (u.Username == username || u.Id == importedId)).ToListAsync(cancellationToken);
        if (rows.FirstOrDefault(u => u.Username == username) is { } stored)
        {
            return stored.ToAccount();
        }
        // An imported user whose row exists under another username was renamed; the row wins.
        return imported is not null && rows.Any(u => u.Id == imported.Id) ? null : imported;
    }

    public async Task<UserAccount?> FindByUsernameOrEmailAsync(Realm realm, string login, CancellationToken cancellationToken = default)
    {
        var user = await FindByUsernameAsync(realm, login, cancellationToken);
        if (user is not null || !realm.LoginWithEmailAllowed || !login.Contains('@'))
        {
            return user;
        }
        var email = login.Trim().ToLowerInvariant();
        var stored = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Realm == realm.Name && u.Email == email, cancellationToken);
        return stored?.ToAccount() ?? realm.Users.FirstOrDefault(u => u.Email == email && u.ServiceAccountClientId is null);
    }

    public UserAccount? FindServiceAccount(Realm realm, string clientId) =>
        realm.Users.FirstOrDefault(u => u.ServiceAccountClientId == clientId);

    public async Task<UserAccount?> FindServiceAccountAsync(Realm realm, string clientId, CancellationToken cancellationToken = default) =>
        FindServiceAccount(realm, clientId) is { } user ? await FindByIdAsync(realm, user.Id, cancellationToken) : null;

    public async Task SaveAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        var stored = await db.Users.FirstOrDefaultAsync(u => u.Realm == user.Realm && u.Id == user.Id, cancellationToken);
        if (stored is null)
        {
            db.Users.Add(StoredUser.From(user));
        }
        else
        {
            stored.CopyFrom(user);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UserAccount>> SearchAsync(Realm realm, string? username, bool exact, CancellationToken cancellationToken = default)
    {
        var stored = await db.Users.AsNoTracking().Where(u => u.Realm == realm.Name).ToListAsync(cancellationToken);
        var storedIds = stored.Select(u => u.Id).ToHashSet();
        var all = stored.Select(u => u.ToAccount())
            .Concat(realm.Users.Where(u => !storedIds.Contains(u.Id) && u.ServiceAccountClientId is null));
        if (!string.IsNullOrEmpty(username))
        {
            var term = username.Trim().ToLowerInvariant();
            all = all.Where(u => exact ? u.Username == term : u.Username.Contains(term, StringComparison.Ordinal));
        }
        return all.OrderBy(u => u.Username, StringComparer.Ordinal).ToList();
    }
}

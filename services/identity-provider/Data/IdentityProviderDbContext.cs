using Microsoft.EntityFrameworkCore;
using RealGuard.IdentityProvider.Sessions;
using RealGuard.IdentityProvider.Users;

namespace RealGuard.IdentityProvider.Data;

/// <summary>What must survive a restart: OpenIddict's applications and tokens, users created through the admin API, SSO sessions.</summary>
public sealed class IdentityProviderDbContext(DbContextOptions<IdentityProviderDbContext> options) : DbContext(options)
{
    public DbSet<StoredUser> Users => Set<StoredUser>();
    public DbSet<UserSession> Sessions => Set<UserSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<StoredUser>(user =>
        {
            user.HasKey(u => u.Id);
            user.HasIndex(u => new { u.Realm, u.Username }).IsUnique();
        });
        modelBuilder.Entity<UserSession>(session =>
        {
            session.HasKey(s => s.Id);
            session.HasIndex(s => new { s.Realm, s.UserId });
        });
    }
}

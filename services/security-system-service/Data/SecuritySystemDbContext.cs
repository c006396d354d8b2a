using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RealGuard.SecuritySystemService.Domain;
using RealGuard.SecuritySystemService.Outbox;

namespace RealGuard.SecuritySystemService.Data;

/// <summary>
/// Security systems, their audit and the outbox, in one database so a change, its audit entry and its event commit
/// together. Each provider has a derived context with its own migrations.
/// </summary>
public abstract class SecuritySystemDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SecuritySystem> SecuritySystems => Set<SecuritySystem>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SecuritySystem>(system =>
        {
            system.HasKey(s => s.Id);
            system.Property(s => s.Id).ValueGeneratedNever();
            system.HasIndex(s => s.LocationId).IsUnique();
            system.Property(s => s.LocationName).HasMaxLength(200);
            system.Property(s => s.State).HasConversion(StateConversion.ToProvider, StateConversion.FromProvider).HasMaxLength(16);
            // UPDATE ... WHERE version = <the version read>: of two concurrent changes, the later finds no row.
            system.Property(s => s.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => e.SecuritySystemId);
            entry.HasOne<SecuritySystem>().WithMany().HasForeignKey(e => e.SecuritySystemId).OnDelete(DeleteBehavior.Cascade);
            entry.Property(e => e.UserId).HasMaxLength(100);
            entry.Property(e => e.UserName).HasMaxLength(200);
            entry.Property(e => e.Action).HasMaxLength(16);
            entry.Property(e => e.From).HasConversion(StateConversion.ToProvider, StateConversion.FromProvider).HasMaxLength(16);
            entry.Property(e => e.To).HasConversion(StateConversion.ToProvider, StateConversion.FromProvider).HasMaxLength(16);
        });

        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.HasKey(m => m.Id);
            message.HasIndex(m => m.EventId).IsUnique();
            message.HasIndex(m => new { m.DeliveredAt, m.RejectedAt });
            message.Property(m => m.LastError).HasMaxLength(1000);
            message.Property(m => m.TraceParent).HasMaxLength(64);
        });
    }

    private static class StateConversion
    {
        public static readonly Expression<Func<SecuritySystemState, string>> ToProvider =
            state => state.ToString().ToUpper();

        public static readonly Expression<Func<string, SecuritySystemState>> FromProvider =
            value => WireNames.ParseState(value);
    }
}

using Microsoft.EntityFrameworkCore;
using RealGuard.NotificationService.Domain;

namespace RealGuard.NotificationService.Data;

/// <summary>
/// notification-service's database. The provider-specific subclasses (<see cref="SqliteNotificationDbContext"/>,
/// <see cref="PostgreSqlNotificationDbContext"/>) only exist so that each provider keeps its own migrations.
/// </summary>
public class NotificationDbContext(DbContextOptions options) : DbContext(options)
{
    public const string ConnectionName = "notificationdb";

    public const int NameLength = 200;
    public const int UserIdLength = 100;
    public const int WireNameLength = 32;
    public const int MessageLength = 500;

    public DbSet<SecuritySystemEvent> Events => Set<SecuritySystemEvent>();

    public DbSet<Notification> Notifications => Set<Notification>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is UTC; SQLite hands DateTimes back without a kind, which would serialize without the 'Z'.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SecuritySystemEvent>(securitySystemEvent =>
        {
            securitySystemEvent.ToTable("SecuritySystemEvents");
            // Idempotency: an event delivered twice, even twice at once, is stored once.
            securitySystemEvent.HasIndex(e => e.EventId).IsUnique();
            securitySystemEvent.Property(e => e.LocationName).HasMaxLength(NameLength);
            securitySystemEvent.Property(e => e.Action).HasMaxLength(WireNameLength);
            securitySystemEvent.Property(e => e.From).HasMaxLength(WireNameLength);
            securitySystemEvent.Property(e => e.To).HasMaxLength(WireNameLength);
            securitySystemEvent.Property(e => e.ActorUserId).HasMaxLength(UserIdLength);
            securitySystemEvent.Property(e => e.ActorName).HasMaxLength(NameLength);
            securitySystemEvent.HasMany(e => e.Notifications).WithOne().HasForeignKey("SecuritySystemEventId").IsRequired();
        });

        modelBuilder.Entity<Notification>(notification =>
        {
            notification.Property(n => n.Id).ValueGeneratedNever();
            notification.Property(n => n.RecipientUserId).HasMaxLength(UserIdLength);
            notification.Property(n => n.LocationName).HasMaxLength(NameLength);
            notification.Property(n => n.Message).HasMaxLength(MessageLength);
            notification.HasIndex(n => new { n.RecipientUserId, n.OccurredAt });
            notification.HasIndex(n => new { n.EventId, n.RecipientUserId }).IsUnique();
        });
    }
}

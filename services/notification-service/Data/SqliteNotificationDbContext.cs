using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RealGuard.Persistence;

namespace RealGuard.NotificationService.Data;

/// <summary>notification-service on SQLite (the local runner). Migrations: <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteNotificationDbContext(DbContextOptions<SqliteNotificationDbContext> options) : NotificationDbContext(options);

/// <summary>For <c>dotnet ef migrations add Name --context SqliteNotificationDbContext --output-dir Migrations/Sqlite</c>.</summary>
public sealed class SqliteNotificationDbContextFactory : IDesignTimeDbContextFactory<SqliteNotificationDbContext>
{
    public SqliteNotificationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNotificationDbContext>().UseSqlite(DesignTimeConnectionStrings.Sqlite).Options);
}

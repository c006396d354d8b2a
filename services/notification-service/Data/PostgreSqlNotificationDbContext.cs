using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RealGuard.Persistence;

namespace RealGuard.NotificationService.Data;

/// <summary>notification-service on PostgreSQL (the AppHost, production). Migrations: <c>Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlNotificationDbContext(DbContextOptions<PostgreSqlNotificationDbContext> options) : NotificationDbContext(options);

/// <summary>For <c>dotnet ef migrations add Name --context PostgreSqlNotificationDbContext --output-dir Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlNotificationDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlNotificationDbContext>
{
    public PostgreSqlNotificationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlNotificationDbContext>().UseNpgsql(DesignTimeConnectionStrings.PostgreSql).Options);
}

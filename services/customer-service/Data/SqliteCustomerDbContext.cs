using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RealGuard.Persistence;

namespace RealGuard.CustomerService.Data;

/// <summary>customer-service on SQLite (the local runner). Migrations: <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteCustomerDbContext(DbContextOptions<SqliteCustomerDbContext> options) : CustomerDbContext(options);

/// <summary>For <c>dotnet ef migrations add Name --context SqliteCustomerDbContext --output-dir Migrations/Sqlite</c>.</summary>
public sealed class SqliteCustomerDbContextFactory : IDesignTimeDbContextFactory<SqliteCustomerDbContext>
{
    public SqliteCustomerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCustomerDbContext>().UseSqlite(DesignTimeConnectionStrings.Sqlite).Options);
}

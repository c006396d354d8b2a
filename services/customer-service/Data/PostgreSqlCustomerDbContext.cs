using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RealGuard.Persistence;

namespace RealGuard.CustomerService.Data;

/// <summary>customer-service on PostgreSQL (the AppHost, production). Migrations: <c>Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlCustomerDbContext(DbContextOptions<PostgreSqlCustomerDbContext> options) : CustomerDbContext(options);

/// <summary>For <c>dotnet ef migrations add Name --context PostgreSqlCustomerDbContext --output-dir Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlCustomerDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlCustomerDbContext>
{
    public PostgreSqlCustomerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCustomerDbContext>().UseNpgsql(DesignTimeConnectionStrings.PostgreSql).Options);
}

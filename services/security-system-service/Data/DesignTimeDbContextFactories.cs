using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RealGuard.Persistence;

namespace RealGuard.SecuritySystemService.Data;

// For `dotnet ef migrations add` only: the tools never connect to these databases.

public sealed class SqliteSecuritySystemDbContextFactory : IDesignTimeDbContextFactory<SqliteSecuritySystemDbContext>
{
    public SqliteSecuritySystemDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSecuritySystemDbContext>().UseSqlite(DesignTimeConnectionStrings.Sqlite).Options);
}

public sealed class PostgreSqlSecuritySystemDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlSecuritySystemDbContext>
{
    public PostgreSqlSecuritySystemDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlSecuritySystemDbContext>().UseNpgsql(DesignTimeConnectionStrings.PostgreSql).Options);
}

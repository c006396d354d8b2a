using Microsoft.EntityFrameworkCore;

namespace RealGuard.SecuritySystemService.Data;

/// <summary>The PostgreSQL flavour (AppHost, production); migrations in Migrations/PostgreSql.</summary>
public sealed class PostgreSqlSecuritySystemDbContext(DbContextOptions<PostgreSqlSecuritySystemDbContext> options) : SecuritySystemDbContext(options);

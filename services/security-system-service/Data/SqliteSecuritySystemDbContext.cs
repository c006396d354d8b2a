using Microsoft.EntityFrameworkCore;

namespace RealGuard.SecuritySystemService.Data;

/// <summary>The SQLite flavour (local runs); migrations in Migrations/Sqlite.</summary>
public sealed class SqliteSecuritySystemDbContext(DbContextOptions<SqliteSecuritySystemDbContext> options) : SecuritySystemDbContext(options);

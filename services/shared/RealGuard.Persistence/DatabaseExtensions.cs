using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RealGuard.Persistence;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/>, pooled (a request rents a reset context instead of building one: the
    /// contexts hold no state of their own), on the provider the connection string names. Each provider has its own
    /// context type (<typeparamref name="TSqlite"/>, <typeparamref name="TPostgreSql"/>) so that each keeps its own
    /// migrations: <c>dotnet ef migrations add Name --context TSqlite --output-dir Migrations/Sqlite</c>.
    /// </summary>
    public static IHostApplicationBuilder AddDatabase<TContext, TSqlite, TPostgreSql>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgreSql : TContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Set ConnectionStrings:{connectionName} (SQLite 'Data Source=...' or PostgreSQL 'Host=...').");

        switch (DatabaseProviders.FromConnectionString(connectionString))
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(connectionString);
                builder.Services.AddDbContextPool<TContext, TSqlite>(options => options.UseSqlite(connectionString));
                break;
            case DatabaseProvider.PostgreSql:
                builder.Services.AddDbContextPool<TContext, TPostgreSql>(options => options.UseNpgsql(connectionString));
                break;
        }
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName);
        return builder;
    }

    /// <summary>Applies the provider's pending migrations before the service takes requests.</summary>
    public static async Task MigrateDatabaseAsync<TContext>(this IHost host, CancellationToken cancellationToken = default) where TContext : DbContext
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TContext>().Database.MigrateAsync(cancellationToken);
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }
}

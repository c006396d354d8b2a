using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RealGuard.Persistence;

public static partial class DatabaseExtensions
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

    /// <summary>
    /// Before the service takes requests: applies the provider's pending migrations, then, when <c>DemoData:Enabled</c>
    /// is true, <paramref name="seedDemoData"/> (which adds the demo data to an empty database and says whether it did).
    /// </summary>
    public static async Task MigrateAndSeedAsync<TContext>(this IHost host,
        Func<TContext, CancellationToken, Task<bool>>? seedDemoData = null, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Database.MigrateAsync(cancellationToken);

        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        if (seedDemoData is not null && configuration.GetValue<bool>(DemoDataEnabled) && await seedDemoData(db, cancellationToken))
        {
            LogDemoDataAdded(scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseExtensions)), typeof(TContext).Name);
        }
    }

    /// <summary>The setting that turns the demo data on (docs/api.md, "Demo data").</summary>
    public const string DemoDataEnabled = "DemoData:Enabled";

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data added to {Database}")]
    private static partial void LogDemoDataAdded(ILogger logger, string database);

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

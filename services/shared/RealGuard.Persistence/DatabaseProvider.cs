using System.Data.Common;

namespace RealGuard.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

public static class DatabaseProviders
{
    /// <summary>SQLite for <c>Data Source=...</c>, PostgreSQL for <c>Host=...</c> (what Aspire's PostgreSQL resource gives).</summary>
    public static DatabaseProvider FromConnectionString(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (builder.ContainsKey("Host") || builder.ContainsKey("Server"))
        {
            return DatabaseProvider.PostgreSql;
        }
        if (builder.ContainsKey("Data Source") || builder.ContainsKey("DataSource") || builder.ContainsKey("Filename"))
        {
            return DatabaseProvider.Sqlite;
        }
        throw new InvalidOperationException("The connection string names neither a SQLite 'Data Source' nor a PostgreSQL 'Host'.");
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RealGuard.NotificationService.Data;

public static class UniqueViolation
{
    private const int SqliteConstraint = 19; // SQLITE_CONSTRAINT (UNIQUE and PRIMARY KEY)

    /// <summary>Whether the save failed because a unique index already holds the value, on either provider.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is 2067 /* UNIQUE */ or 1555 /* PRIMARYKEY */,
        _ => false,
    };
}

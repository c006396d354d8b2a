namespace RealGuard.Persistence;

/// <summary>Connection strings for <c>dotnet ef</c> at design time only (migrations never connect to them).</summary>
public static class DesignTimeConnectionStrings
{
    public const string Sqlite = "Data Source=design-time.db";
    public const string PostgreSql = "Host=localhost;Database=design_time;Username=postgres";
}

using RealGuard.CustomerService.Data;
using RealGuard.Persistence;

namespace RealGuard.CustomerService.Extensions;

public static partial class DatabaseStartupExtensions
{
    /// <summary>Applies pending migrations, then adds the demo customers when DemoData:Enabled and the database is empty.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync<CustomerDbContext>();

        if (app.Configuration.GetValue<bool>("DemoData:Enabled"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            if (await DemoData.SeedAsync(scope.ServiceProvider.GetRequiredService<CustomerDbContext>()))
            {
                LogDemoDataSeeded(app.Logger);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo customers Acme Corporation and Globex added")]
    private static partial void LogDemoDataSeeded(ILogger logger);
}

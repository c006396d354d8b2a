using RealGuard.Persistence;
using RealGuard.SecuritySystemService.Data;

namespace RealGuard.SecuritySystemService.Extensions;

public static class DatabaseInitializationExtensions
{
    /// <summary>Applies migrations; with <c>DemoData:Enabled</c>, seeds the demo security systems into an empty database.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync<SecuritySystemDbContext>();

        if (app.Configuration.GetValue<bool>("DemoData:Enabled"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await DemoData.SeedAsync(scope.ServiceProvider.GetRequiredService<SecuritySystemDbContext>());
        }
    }
}

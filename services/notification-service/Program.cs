using RealGuard.NotificationService.Data;
using RealGuard.NotificationService.Endpoints;
using RealGuard.NotificationService.Extensions;
using RealGuard.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

await app.MigrateAndSeedAsync<NotificationDbContext>();

app.UseDefaultExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapNotificationsApi();

app.Run();

using RealGuard.NotificationService.Apis;
using RealGuard.NotificationService.Data;
using RealGuard.NotificationService.Extensions;
using RealGuard.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseDefaultExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapNotificationsApi();

await app.MigrateDatabaseAsync<NotificationDbContext>();
app.Run();

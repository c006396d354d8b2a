using RealGuard.Persistence;
using RealGuard.SecuritySystemService.Data;
using RealGuard.SecuritySystemService.Endpoints;
using RealGuard.SecuritySystemService.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

await app.MigrateAndSeedAsync<SecuritySystemDbContext>(DemoData.SeedAsync);

app.UseDefaultExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapSecuritySystemApi();

app.Run();

using RealGuard.CustomerService.Data;
using RealGuard.CustomerService.Endpoints;
using RealGuard.CustomerService.Extensions;
using RealGuard.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

await app.MigrateAndSeedAsync<CustomerDbContext>(DemoData.SeedAsync);

app.UseDefaultExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapCustomerServiceApi();

app.Run();

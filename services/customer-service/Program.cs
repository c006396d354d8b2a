using RealGuard.CustomerService.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseDefaultExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapCustomerServiceEndpoints();

app.Run();

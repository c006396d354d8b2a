using RealGuard.SecuritySystemService.Endpoints;
using RealGuard.SecuritySystemService.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

await app.InitializeDatabaseAsync();

app.UseDefaultExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapSecuritySystemApi();

app.Run();

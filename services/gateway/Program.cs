using RealGuard.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseDefaultExceptionHandler();
app.UseGateway();

app.MapDefaultEndpoints();
app.MapGatewayProxy();

app.Run();

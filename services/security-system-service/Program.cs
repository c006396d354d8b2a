var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();

var app = builder.Build();

app.UseDefaultExceptionHandler();
app.MapDefaultEndpoints();

app.Run();

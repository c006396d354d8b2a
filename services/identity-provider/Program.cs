using RealGuard.IdentityProvider.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIdentityProvider();

var app = builder.Build();

await app.InitializeIdentityProviderAsync();

app.UseIdentityProvider();
app.MapDefaultEndpoints();
app.MapIdentityProviderEndpoints();

app.Run();

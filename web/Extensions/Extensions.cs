using MudBlazor.Services;

namespace RealGuard.Web.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddWebAuthentication();
        builder.AddServiceClients();

        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.Configure<UiOptions>(builder.Configuration.GetSection(UiOptions.Section));

        return builder;
    }
}

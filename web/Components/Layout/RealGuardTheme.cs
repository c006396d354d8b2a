using MudBlazor;

namespace RealGuard.Web.Components.Layout;

public static class RealGuardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f3a5f",
            Secondary = "#c2410c",
            AppbarBackground = "#1f3a5f",
            Success = "#15803d",
            Warning = "#b45309",
            Error = "#b91c1c",
        },
    };
}

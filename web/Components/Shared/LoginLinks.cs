using Microsoft.AspNetCore.Components;
using RealGuard.Web.Endpoints;

namespace RealGuard.Web.Components.Shared;

public static class LoginLinks
{
    /// <summary>The login endpoint, coming back to the page the user is on.</summary>
    public static string For(NavigationManager navigation) => To("/" + navigation.ToBaseRelativePath(navigation.Uri));

    public static string To(string returnUrl) => $"{AuthenticationEndpoints.LoginPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";
}

using System.Security.Claims;
using Microsoft.Extensions.Hosting;

namespace RealGuard.SecuritySystemService.Domain;

/// <summary>Who causes a change: a signed-in person or a device's service account.</summary>
public sealed record Actor(string UserId, string? Name)
{
    public static Actor From(ClaimsPrincipal user) => new(
        user.GetUserId() ?? throw new InvalidOperationException("The access token has no 'sub'."),
        user.GetUserName() ?? user.GetClientId());
}

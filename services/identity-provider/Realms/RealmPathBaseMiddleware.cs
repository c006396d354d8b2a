namespace RealGuard.IdentityProvider.Realms;

/// <summary>
/// Moves <c>/realms/{realm}</c> into the request's path base, so that OpenIddict sees
/// <c>http://host/realms/{realm}</c> as its base URI: the realm's issuer (no trailing slash, as Keycloak's),
/// its endpoints relative to it, and the SSO cookie scoped to the realm's path.
/// </summary>
public sealed class RealmPathBaseMiddleware(RequestDelegate next, RealmCatalog catalog)
{
    private static readonly PathString Prefix = "/realms";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Prefix, out var rest) || rest.Value is not { Length: > 1 } tail)
        {
            await next(context);
            return;
        }

        var name = Uri.UnescapeDataString(tail[1..].Split('/')[0]);
        var realm = catalog.Find(name);
        if (realm is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsJsonAsync(new { error = "Realm does not exist" });
            return;
        }

        var realmPath = Prefix.Add("/" + tail[1..].Split('/')[0]);
        var originalBase = context.Request.PathBase;
        var originalPath = context.Request.Path;
        context.Request.PathBase = originalBase.Add(realmPath);
        context.Request.Path = originalPath.Value![(realmPath.Value!.Length)..] is { Length: > 0 } remaining ? remaining : "/";
        RealmCatalog.SetCurrent(context, realm);
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.PathBase = originalBase;
            context.Request.Path = originalPath;
        }
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Who made a traced request: the token's <c>sub</c> and the OAuth client it was issued to (<c>azp</c>) on the request's
/// span, so a trace in the dashboard says whose action it was. Never the token itself.
/// </summary>
public static class CallerTracing
{
    public const string UserIdTag = "enduser.id";
    public const string ClientIdTag = "oauth.client_id";

    public static void Enrich(Activity activity, HttpResponse response)
    {
        var user = response.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return;
        }

        if (user.FindFirst("sub")?.Value is { Length: > 0 } subject)
        {
            activity.SetTag(UserIdTag, subject);
        }

        if (user.FindFirst("azp")?.Value is { Length: > 0 } client)
        {
            activity.SetTag(ClientIdTag, client);
        }
    }
}

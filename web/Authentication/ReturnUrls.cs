namespace RealGuard.Web.Authentication;

/// <summary>Where a login or logout may send the browser back to: a path of this app, never another site.</summary>
public static class ReturnUrls
{
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/')
        {
            return false;
        }

        // "//host" and "/\host" are protocol-relative URLs to another site; control characters can hide either.
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        {
            return false;
        }

        return !url.Any(char.IsControl) && !url.Contains('\\');
    }

    public static string LocalOrRoot(string? url) => IsLocal(url) ? url! : "/";
}

using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using RealGuard.Testing;

namespace RealGuard.Benchmarks;

/// <summary>Logging in as a person does, through the identity provider's login form (no client allows the password grant).</summary>
internal static class Logins
{
    public const string SessionCookie = "__realguard";
    private static readonly HtmlParser Parser = new();

    /// <summary>Prints "access_token refresh_token" of <c>realguard-mobile</c> (code flow + PKCE).</summary>
    public static async Task<int> UserTokenAsync(string iamUrl, string username, string password)
    {
        var tokens = await UserTokens.LoginAsync($"{iamUrl.TrimEnd('/')}/realms/realguard", username, password,
            clientId: "realguard-mobile", clientSecret: null, redirectUri: "http://127.0.0.1/callback", scope: "openid profile");
        Console.WriteLine($"{tokens.AccessToken} {tokens.RefreshToken}");
        return 0;
    }

    /// <summary>Prints the value of the BFF's session cookie.</summary>
    public static async Task<int> BffSessionAsync(string webUrl, string username, string password)
    {
        using var browser = new Browser(webUrl);
        Console.WriteLine(await browser.LoginAsync(username, password));
        return 0;
    }

    /// <summary>What a browser does over HTTP, no more: keeps cookies, follows redirects, submits the IAM's login form.</summary>
    public sealed class Browser(string webUrl) : IDisposable
    {
        private readonly CookieContainer cookies = new();

        public HttpClient Http => http ??= new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true })
        {
            BaseAddress = new Uri(webUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };

        private HttpClient? http;

        public string? Session => cookies.GetCookies(new Uri(webUrl))[SessionCookie]?.Value;

        /// <summary>Logs in at the web app; returns the session cookie's value.</summary>
        public async Task<string> LoginAsync(string username, string password)
        {
            using var loginPage = await Http.GetAsync("/authentication/login?returnUrl=%2F");
            var pageUrl = loginPage.RequestMessage!.RequestUri!;
            var document = Parser.ParseDocument(await loginPage.Content.ReadAsStringAsync());
            var form = document.GetElementById("kc-form-login") as IHtmlFormElement
                ?? throw new InvalidOperationException($"Expected the IAM's login form at {pageUrl}, got {(int)loginPage.StatusCode}.");
            var fields = form.Elements.OfType<IHtmlInputElement>()
                .Where(input => input.Name is { Length: > 0 })
                .Select(input => KeyValuePair.Create(input.Name!, input.Name switch
                {
                    "username" => username,
                    "password" => password,
                    _ => input.Value,
                }))
                .ToList();
            using var landed = await Http.PostAsync(new Uri(pageUrl, form.GetAttribute("action") ?? pageUrl.ToString()), new FormUrlEncodedContent(fields));
            return Session ?? throw new InvalidOperationException($"No session cookie after logging {username} in ({(int)landed.StatusCode} at {landed.RequestMessage?.RequestUri}).");
        }

        public void Dispose() => http?.Dispose();
    }
}

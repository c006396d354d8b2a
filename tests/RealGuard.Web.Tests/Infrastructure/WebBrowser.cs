using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace RealGuard.Web.Tests.Infrastructure;

/// <summary>What a browser does over HTTP, no more: keeps cookies, follows redirects, submits the IAM's login form.</summary>
public sealed class WebBrowser(string webUrl) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http => http ??= new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = true })
    {
        BaseAddress = new Uri(webUrl),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private HttpClient? http;

    public string? SessionCookie => Cookies.GetCookies(new Uri(webUrl))["__realguard"]?.Value;

    /// <summary>Starts a login at the web app and signs in at the IAM's form; returns the page the browser lands on.</summary>
    public async Task<Page> LoginAsync(string username, string? password = null, string returnUrl = "/")
    {
        var form = await GetAsync($"/authentication/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.True(form.LoginForm is not null, $"Expected the IAM's login form, got {form}");
        return await SubmitAsync(form, form.LoginForm!, new() { ["username"] = username, ["password"] = password ?? $"{username}-dev-password" });
    }

    public async Task<Page> GetAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        return await Page.ReadAsync(response);
    }

    /// <summary>Submits a form as a browser does: its inputs, with <paramref name="values"/> filled in.</summary>
    public async Task<Page> SubmitAsync(Page page, IHtmlFormElement form, Dictionary<string, string>? values = null)
    {
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => input.Name is { Length: > 0 })
            .Select(input => KeyValuePair.Create(input.Name!, values?.GetValueOrDefault(input.Name!) ?? input.Value))
            .ToList();
        var action = new Uri(page.Url, form.GetAttribute("action") ?? page.Url.ToString());
        using var response = await Http.PostAsync(action, new FormUrlEncodedContent(fields));
        return await Page.ReadAsync(response);
    }

    public void Dispose() => http?.Dispose();

    public sealed record Page(Uri Url, HttpStatusCode Status, string Body, IHtmlDocument Document)
    {
        public IHtmlFormElement? LoginForm => Document.GetElementById("kc-form-login") as IHtmlFormElement;

        public static async Task<Page> ReadAsync(HttpResponseMessage response)
        {
            var body = await response.Content.ReadAsStringAsync();
            return new Page(response.RequestMessage!.RequestUri!, response.StatusCode, body, Parser.ParseDocument(body));
        }

        public override string ToString() => $"{(int)Status} at {Url}: {(Body.Length > 800 ? Body[..800] : Body)}";
    }
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace RealGuard.IdentityProvider.Tests.Infrastructure;

/// <summary>
/// What a browser does with the identity provider, and no more: keeps cookies, follows redirects within the IdP,
/// submits the login form. It stops at a redirect that leaves the IdP (to a client's redirect URI; nothing needs
/// to listen there) and reports where it was sent.
/// </summary>
public sealed class Browser(TestIdentityProvider idp) : IDisposable
{
    private const int MaxRedirects = 10;
    private static readonly HtmlParser Parser = new();

    public CookieContainer Cookies { get; } = new();

    private HttpClient Http => http ??= new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private HttpClient? http;

    public Task<BrowserResult> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>Opens the authorize URL, signs in through the login form, and expects a code for the client.</summary>
    public async Task<BrowserResult> LoginAsync(string authorizeUrl, string username, string password)
    {
        var page = await GetAsync(authorizeUrl);
        Assert.True(page.ShowsLoginForm, $"Expected the login form, got {page}");
        return await SubmitLoginAsync(page, username, password);
    }

    /// <summary>Fills <c>#kc-form-login</c> as a user does and clicks <c>#kc-login</c>.</summary>
    public Task<BrowserResult> SubmitLoginAsync(BrowserResult page, string username, string password)
    {
        var form = page.LoginForm ?? throw new InvalidOperationException($"No login form on {page}");
        Assert.NotNull(form.QuerySelector("input[name=username]"));
        Assert.NotNull(form.QuerySelector("input[name=password]"));
        var submit = Assert.IsAssignableFrom<IHtmlInputElement>(form.QuerySelector("#kc-login"));

        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[name]")
            .Where(input => input.Type is not ("submit" or "button" or "image"))
            .Select(input => KeyValuePair.Create(input.Name!, input.Name switch
            {
                "username" => username,
                "password" => password,
                _ => input.Value,
            }))
            .Append(KeyValuePair.Create(submit.Name ?? "login", submit.Value))
            .ToList();

        var action = new Uri(page.Url, form.GetAttribute("action") ?? page.Url.ToString());
        Assert.Equal("post", (form.GetAttribute("method") ?? "").ToLowerInvariant());
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) });
    }

    /// <summary>Submits a form of the page as a user clicking its submit button does (hidden fields included).</summary>
    public Task<BrowserResult> SubmitFormAsync(BrowserResult page, string formId)
    {
        var form = page.Document.GetElementById(formId) as IHtmlFormElement ?? throw new InvalidOperationException($"No form #{formId} on {page}");
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[name]")
            .Select(input => KeyValuePair.Create(input.Name!, input.Value))
            .ToList();
        return PostAsync(new Uri(page.Url, form.GetAttribute("action") ?? page.Url.ToString()).AbsoluteUri, fields);
    }

    /// <summary>A form POST with this browser's cookies, e.g. one a page of another site makes it send.</summary>
    public Task<BrowserResult> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });

    private async Task<BrowserResult> SendAsync(HttpRequestMessage request)
    {
        for (var redirects = 0; ; redirects++)
        {
            var url = request.RequestUri!;
            using var response = await Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is null)
            {
                return new BrowserResult(url, response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, null,
                    response.Headers.Location);
            }

            var location = new Uri(url, response.Headers.Location);
            if (!location.AbsoluteUri.StartsWith(idp.BaseUrl + "/", StringComparison.Ordinal))
            {
                return new BrowserResult(url, response.StatusCode, null, body, location, location);
            }

            if (redirects == MaxRedirects)
            {
                throw new InvalidOperationException($"More than {MaxRedirects} redirects, last to {location}");
            }

            request = new HttpRequestMessage(HttpMethod.Get, location);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    public void Dispose() => http?.Dispose();

    public sealed record BrowserResult(Uri Url, HttpStatusCode Status, string? MediaType, string Body, Uri? RedirectedTo, Uri? Location)
    {
        private IHtmlDocument? document;

        /// <summary>The page as HTML (empty unless the response was HTML).</summary>
        public IHtmlDocument Document => document ??= Parser.ParseDocument(MediaType == "text/html" ? Body : "");

        public IHtmlFormElement? LoginForm => Document.GetElementById("kc-form-login") as IHtmlFormElement;

        public bool ShowsLoginForm => RedirectedTo is null && Status == HttpStatusCode.OK && LoginForm is not null;

        /// <summary>The query (or fragment) parameters of the redirect out of the IdP.</summary>
        public IReadOnlyDictionary<string, StringValues> RedirectParameters =>
            RedirectedTo is null ? new Dictionary<string, StringValues>()
                : QueryHelpers.ParseQuery(RedirectedTo.Query.Length > 1 ? RedirectedTo.Query : RedirectedTo.Fragment.TrimStart('#'));

        public string? Code => Parameter("code");

        public string? Error => Parameter("error");

        public string? State => Parameter("state");

        public string? Parameter(string name) => RedirectParameters.TryGetValue(name, out var value) ? value.ToString() : null;

        /// <summary>The redirect target without its query or fragment: the client's redirect URI.</summary>
        public string? RedirectedToBase => RedirectedTo?.OriginalString.Split('?', '#')[0];

        public override string ToString() => RedirectedTo is not null
            ? $"{(int)Status} redirect to {RedirectedTo}"
            : $"{(int)Status} {MediaType} at {Url}: {Truncate(Body)}";

        private static string Truncate(string text) => text.Length > 1500 ? text[..1500] + "…" : text;
    }
}

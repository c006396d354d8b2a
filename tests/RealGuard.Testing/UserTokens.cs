using System.Net;
using System.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Duende.IdentityModel.Client;

namespace RealGuard.Testing;

/// <summary>
/// A user's tokens, obtained the way a browser and the BFF obtain them: authorization code flow with PKCE S256
/// through the identity provider's login form (<c>#kc-form-login</c>, the same on Keycloak and the development IdP).
/// No client allows the password grant, so this is the only way to a user token.
/// </summary>
public static class UserTokens
{
    private const int MaxRedirects = 10;
    private static readonly HtmlParser Parser = new();

    /// <summary>Logs <paramref name="username"/> in and returns the access, refresh and ID tokens.</summary>
    /// <param name="authority">The realm URL, e.g. <c>http://localhost:8080/realms/realguard</c>.</param>
    /// <param name="redirectUri">Must be registered for the client; nothing needs to listen there: the code is read from the redirect.</param>
    /// <exception cref="InvalidOperationException">The login failed; the message says at which step and what the IdP answered.</exception>
    public static async Task<TokenSet> LoginAsync(
        string authority,
        string username,
        string password,
        string clientId = "realguard-web",
        string? clientSecret = "realguard-web-dev-secret",
        string redirectUri = "http://localhost:5080/signin-oidc",
        string scope = "openid profile email")
    {
        // A fresh cookie jar per login: a new browser, no SSO session from an earlier user.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var disco = await Discovery.GetAsync(http, authority);
        var pkce = Pkce.Create();
        var state = Pkce.RandomValue();
        var authorizeUrl = new RequestUrl(disco.AuthorizeEndpoint!).CreateAuthorizeUrl(
            clientId: clientId,
            responseType: "code",
            scope: scope,
            redirectUri: redirectUri,
            state: state,
            nonce: Pkce.RandomValue(),
            codeChallenge: pkce.Challenge,
            codeChallengeMethod: "S256");
        var idpOrigin = new Uri(disco.AuthorizeEndpoint!).GetLeftPart(UriPartial.Authority);

        var loginPage = await FollowAsync(http, new HttpRequestMessage(HttpMethod.Get, authorizeUrl), idpOrigin);
        var form = loginPage.Document?.GetElementById("kc-form-login") as IHtmlFormElement
            ?? throw new InvalidOperationException($"Expected the login form for {username}, got {loginPage}");

        var afterLogin = await FollowAsync(http, FormSubmission(loginPage.Url, form, username, password), idpOrigin);
        var redirect = afterLogin.RedirectedTo
            ?? throw new InvalidOperationException($"The login of {username} did not redirect to the client: {afterLogin}");
        var parameters = HttpUtility.ParseQueryString(redirect.Query);
        var code = parameters["code"]
            ?? throw new InvalidOperationException($"No code in the redirect after the login of {username}: {redirect}");
        if (parameters["state"] != state)
        {
            throw new InvalidOperationException($"The redirect carries another state than was sent: {redirect}");
        }

        var tokens = await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = disco.TokenEndpoint,
            ClientId = clientId,
            ClientSecret = clientSecret,
            Code = code,
            RedirectUri = redirectUri,
            CodeVerifier = pkce.Verifier,
        });
        if (tokens.IsError || tokens.AccessToken is null)
        {
            throw new InvalidOperationException(
                $"The code exchange for {username} failed: {(int)tokens.HttpStatusCode} {tokens.Error} {tokens.ErrorDescription}");
        }

        return new TokenSet(tokens.AccessToken, tokens.RefreshToken, tokens.IdentityToken, tokens.ExpiresIn);
    }

    /// <summary>Fills the form as a user does: every named input kept, username and password typed, <c>#kc-login</c> clicked.</summary>
    private static HttpRequestMessage FormSubmission(Uri pageUrl, IHtmlFormElement form, string username, string password)
    {
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[name]")
            .Where(input => input.Type is not ("submit" or "button" or "image"))
            .Select(input => KeyValuePair.Create(input.Name!, input.Name switch
            {
                "username" => username,
                "password" => password,
                _ => input.Value,
            }))
            .ToList();
        if (form.QuerySelector("#kc-login") is IHtmlInputElement { Name: { } submitName } submit)
        {
            fields.Add(KeyValuePair.Create(submitName, submit.Value));
        }

        var action = new Uri(pageUrl, form.GetAttribute("action") ?? pageUrl.ToString());
        return new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
    }

    /// <summary>Sends the request and follows redirects while they stay at the IdP; stops at one that leaves it.</summary>
    private static async Task<Page> FollowAsync(HttpClient http, HttpRequestMessage request, string idpOrigin)
    {
        for (var redirects = 0; ; redirects++)
        {
            var url = request.RequestUri!;
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var isRedirect = (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is not null;
            if (!isRedirect)
            {
                var isHtml = response.Content.Headers.ContentType?.MediaType == "text/html";
                return new Page(url, response.StatusCode, body, isHtml ? Parser.ParseDocument(body) : null, null);
            }

            var location = new Uri(url, response.Headers.Location!);
            if (location.GetLeftPart(UriPartial.Authority) != idpOrigin)
            {
                return new Page(url, response.StatusCode, body, null, location);
            }

            if (redirects == MaxRedirects)
            {
                throw new InvalidOperationException($"More than {MaxRedirects} redirects at the IdP, last to {location}");
            }

            request = new HttpRequestMessage(HttpMethod.Get, location);
        }
    }

    private sealed record Page(Uri Url, HttpStatusCode Status, string Body, IHtmlDocument? Document, Uri? RedirectedTo)
    {
        public override string ToString()
        {
            if (RedirectedTo is not null)
            {
                return $"{(int)Status} redirect to {RedirectedTo}";
            }

            // The IdP's error text (e.g. "Invalid username or password.") rather than the whole page.
            var text = Document?.Body?.TextContent ?? Body;
            text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return $"{(int)Status} at {Url.GetLeftPart(UriPartial.Path)}: {(text.Length > 500 ? text[..500] + "…" : text)}";
        }
    }
}

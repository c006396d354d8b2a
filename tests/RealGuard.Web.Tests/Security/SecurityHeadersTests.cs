using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Security.Claims;
using RealGuard.Web.Security;
using RealGuard.Web.Tests.Infrastructure;

namespace RealGuard.Web.Tests.Security;

/// <summary>
/// What the browser is told about the web app's pages: a strict Content-Security-Policy, no framing, no sniffing, no
/// Referer; over https (the https launch profile) also HSTS and a <c>__Host-</c> session cookie.
/// </summary>
[Collection(WebStackCollection.Name)]
public sealed partial class SecurityHeadersTests(WebStackFixture fixture)
{
    [Fact]
    public async Task Every_page_carries_a_strict_policy_whose_nonce_is_the_import_maps()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.WebUrl) };
        using var response = await http.GetAsync("/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = AssertStrictPolicy(response);
        var nonce = Assert.Single(Nonce().Matches(policy)).Groups[1].Value;
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", body);
        Assert.DoesNotContain("Strict-Transport-Security", response.Headers.Select(header => header.Key)); // plain http

        using var again = await http.GetAsync("/");
        Assert.DoesNotContain(nonce, AssertStrictPolicy(again)); // a new nonce per response
    }

    [Fact]
    public async Task The_https_launch_profile_serves_the_app_with_HSTS_and_the_same_headers()
    {
        await using var app = await HttpsWebApp.StartAsync(fixture.Stack);
        using var http = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        // HSTS is left out for localhost (a developer's browser would remember it for every local app): ask as the
        // public host name would.
        request.Headers.Host = "realguard.example";

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertStrictPolicy(response);
        var hsts = string.Join(",", response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Matches("max-age=[1-9][0-9]*", hsts);

        using var local = await http.GetAsync("/health");
        Assert.False(local.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Over_https_the_session_cookie_is_a_Host_prefixed_secure_cookie_and_over_http_it_keeps_its_name()
    {
        await using var app = await CookieApp.StartAsync();
        using var http = new HttpClient(new HttpClientHandler
        {
            UseCookies = false,
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        });

        using var overHttps = await http.GetAsync(app.Https + "sign-in");
        var cookie = Assert.Single(overHttps.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("__Host-realguard=", cookie);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/;", cookie + ";", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, app.Https + "me");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var me = await http.SendAsync(request);
        Assert.Equal("alice", await me.Content.ReadAsStringAsync());

        using var overHttp = await http.GetAsync(app.Http + "sign-in");
        Assert.StartsWith("__realguard=", Assert.Single(overHttp.Headers.GetValues("Set-Cookie")));
    }

    private static string AssertStrictPolicy(HttpResponseMessage response)
    {
        var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Contains("default-src 'self'", policy);
        Assert.Matches("script-src 'self' 'nonce-[^']+'(;|$)", policy); // no 'unsafe-inline' for scripts
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("base-uri 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        return policy;
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    /// <summary>Cookie authentication with the web app's cookie manager, on an https and an http port.</summary>
    private sealed class CookieApp(WebApplication app) : IAsyncDisposable
    {
        public string Https => app.Urls.Single(url => url.StartsWith("https://", StringComparison.Ordinal)) + "/";

        public string Http => app.Urls.Single(url => url.StartsWith("http://", StringComparison.Ordinal)) + "/";

        public static async Task<CookieApp> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(SelfSigned()));
                kestrel.Listen(IPAddress.Loopback, 0);
            });
            builder.Services.AddAuthentication().AddCookie(options =>
            {
                options.Cookie.Name = "__realguard";
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.CookieManager = new HostPrefixCookieManager(new ChunkingCookieManager());
            });
            var app = builder.Build();
            app.UseAuthentication();
            app.MapGet("/sign-in", (HttpContext context) => context.SignInAsync(
                new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "alice")], CookieAuthenticationDefaults.AuthenticationScheme))));
            app.MapGet("/me", (ClaimsPrincipal user) => user.Identity?.Name ?? "");
            await app.StartAsync();
            return new CookieApp(app);
        }

        private static System.Security.Cryptography.X509Certificates.X509Certificate2 SelfSigned()
        {
            using var key = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=localhost", key,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            // Kestrel on Linux needs the private key in a form it can use: round-trip through PKCS#12.
            return System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(
                certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), null);
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

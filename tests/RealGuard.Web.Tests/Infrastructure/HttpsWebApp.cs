using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;

namespace RealGuard.Web.Tests.Infrastructure;

/// <summary>
/// The web app started as its https launch profile starts it (<c>web/Properties/launchSettings.json</c>, profile
/// "https"), on a free port, with a certificate generated for the test (no trusted development certificate exists
/// here), signing in at the stack's identity provider.
/// </summary>
public sealed class HttpsWebApp : IAsyncDisposable
{
    private readonly Process process;
    private readonly string certificateFolder;

    private HttpsWebApp(Process process, string certificateFolder, Uri url)
    {
        this.process = process;
        this.certificateFolder = certificateFolder;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>A client that trusts the generated certificate only, follows no redirects and keeps no cookies.</summary>
    public HttpClient CreateClient() => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Subject == "CN=localhost",
    })
    { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<HttpsWebApp> StartAsync(RealGuardApp stack)
    {
        var profile = LaunchProfile(RepositoryFiles.Root, "https");
        var httpsUrl = profile["applicationUrl"]!.GetValue<string>().Split(';').Single(url => url.StartsWith("https://", StringComparison.Ordinal));
        var url = new UriBuilder(httpsUrl) { Port = FreePort() }.Uri;

        var folder = Directory.CreateTempSubdirectory("realguard-https-").FullName;
        var certificatePath = Path.Combine(folder, "localhost.pfx");
        const string password = "test-only";
        await File.WriteAllBytesAsync(certificatePath, GenerateCertificate().Export(X509ContentType.Pfx, password));

        var webProject = RepositoryFiles.PathOf("web");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webProject,
            ArgumentList = { Path.Combine(webProject, "bin", Configuration(), "net10.0", "RealGuard.Web.dll") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment["Keycloak__AuthServerUrl"] = stack.Url(StackResources.Keycloak);
        startInfo.Environment["Keycloak__Realm"] = StackResources.Realm;
        startInfo.Environment["Keycloak__ClientSecret"] = "realguard-web-dev-secret";
        foreach (var (key, value) in profile["environmentVariables"]!.AsObject())
        {
            startInfo.Environment[key] = value!.GetValue<string>();
        }
        startInfo.Environment["ASPNETCORE_URLS"] = url.ToString();
        startInfo.Environment["Kestrel__Certificates__Default__Path"] = certificatePath;
        startInfo.Environment["Kestrel__Certificates__Default__Password"] = password;

        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new HttpsWebApp(process, folder, url);
        await app.WaitUntilHealthyAsync();
        return app;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(process.HasExited, $"The web app exited with code {(process.HasExited ? process.ExitCode : 0)}.");
            try
            {
                using var response = await client.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, $"The web app did not answer on {Url} within 60 s.");
            await Task.Delay(250);
        }
    }

    private static JsonNode LaunchProfile(string repositoryRoot, string name)
        => JsonNode.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "web", "Properties", "launchSettings.json")))!["profiles"]![name]!;

    private static X509Certificate2 GenerateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    // The configuration these tests were built in, which built the web app too.
    private static string Configuration() => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(certificateFolder, recursive: true);
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RealGuard.IdentityProvider.Tests.Infrastructure;

/// <summary>
/// The identity provider's own Program, hosted in the test process on Kestrel (real HTTP on <paramref name="port"/>),
/// with the given settings and its logs going to <paramref name="logs"/>.
/// </summary>
internal sealed class IdentityProviderFactory(int port, IReadOnlyDictionary<string, string?> settings, InMemoryLoggerProvider logs)
    : WebApplicationFactory<Program>
{
    public void Start()
    {
        UseKestrel(port);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(logs);
        });
    }
}

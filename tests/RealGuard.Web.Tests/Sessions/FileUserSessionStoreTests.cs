using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using RealGuard.Web.Sessions;
using RealGuard.Web.Tests.Infrastructure;

namespace RealGuard.Web.Tests.Sessions;

public sealed class FileUserSessionStoreTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("realguard-web-sessions-");

    [Fact]
    public async Task Sessions_survive_a_restart_and_no_token_is_readable_on_disk()
    {
        var keys = new DirectoryInfo(Path.Combine(folder.FullName, "keys"));
        var tokens = TestSessions.NewTokens(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(2), "secret-access-token", "secret-refresh-token");
        var first = new FileUserSessionStore(Path.Combine(folder.FullName, "sessions"), DataProtectionProvider.Create(keys), NullLogger<FileUserSessionStore>.Instance);
        await first.SaveAsync(TestSessions.NewSession("key-1", tokens));
        await first.SaveAsync(TestSessions.NewSession("key-2", tokens));
        await first.RemoveAsync("key-2");

        var restarted = new FileUserSessionStore(Path.Combine(folder.FullName, "sessions"), DataProtectionProvider.Create(keys), NullLogger<FileUserSessionStore>.Instance);

        Assert.Equal("secret-refresh-token", (await restarted.GetAsync("key-1"))?.Tokens.RefreshToken);
        Assert.Null(await restarted.GetAsync("key-2"));
        var files = Directory.GetFiles(Path.Combine(folder.FullName, "sessions"));
        Assert.Single(files);
        Assert.DoesNotContain("key-1", Path.GetFileName(files[0]));
        Assert.DoesNotContain("secret-refresh-token", await File.ReadAllTextAsync(files[0]));
    }

    public void Dispose() => folder.Delete(recursive: true);
}

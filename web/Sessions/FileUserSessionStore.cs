using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace RealGuard.Web.Sessions;

/// <summary>
/// The in-memory store, written through to one encrypted file per session (ASP.NET Core data protection, whose
/// keys must then persist too), so sessions survive a restart of the app. Reads never touch the disk. Still one
/// instance only: the files are not a shared store.
/// </summary>
public sealed class FileUserSessionStore : InMemoryUserSessionStore
{
    private const string Extension = ".session";
    private readonly string folder;
    private readonly IDataProtector protector;
    private readonly ILogger<FileUserSessionStore> logger;
    private readonly SemaphoreSlim writes = new(1, 1);

    public FileUserSessionStore(string folder, IDataProtectionProvider dataProtection, ILogger<FileUserSessionStore> logger)
    {
        this.folder = Directory.CreateDirectory(folder).FullName;
        protector = dataProtection.CreateProtector("RealGuard.Web.UserSessions");
        this.logger = logger;
        Load(ReadAll());
    }

    protected override async Task OnSavedAsync(UserSession session, CancellationToken cancellationToken)
    {
        var content = protector.Protect(JsonSerializer.SerializeToUtf8Bytes(session));
        await writes.WaitAsync(CancellationToken.None);
        try
        {
            // Written whole, then moved over the old file: a crash leaves the old session or the new one, never half.
            var path = PathOf(session.Key);
            var temporary = path + ".tmp";
            await File.WriteAllBytesAsync(temporary, content, CancellationToken.None);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            writes.Release();
        }
    }

    protected override async Task OnRemovedAsync(string key, CancellationToken cancellationToken)
    {
        await writes.WaitAsync(CancellationToken.None);
        try
        {
            File.Delete(PathOf(key));
        }
        finally
        {
            writes.Release();
        }
    }

    private IEnumerable<UserSession> ReadAll()
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*" + Extension))
        {
            UserSession? session = null;
            try
            {
                session = JsonSerializer.Deserialize<UserSession>(protector.Unprotect(File.ReadAllBytes(path)));
            }
            catch (Exception e) when (e is CryptographicException or JsonException or IOException)
            {
                // Keys lost or file damaged: that user logs in again.
                logger.LogWarning("Dropping unreadable session file {File}: {Reason}", Path.GetFileName(path), e.GetType().Name);
                File.Delete(path);
            }

            if (session is not null)
            {
                yield return session;
            }
        }
    }

    // The key is a bearer secret: file names carry its hash, not the key.
    private string PathOf(string key)
        => Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + Extension);
}

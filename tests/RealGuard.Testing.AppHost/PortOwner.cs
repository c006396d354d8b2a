namespace RealGuard.Testing.AppHost;

/// <summary>
/// The process listening on a local TCP port, found the way <c>ss -ltnp</c> finds it: the socket's inode in
/// <c>/proc/net/tcp{,6}</c>, then the process holding that socket among its file descriptors. Linux only.
/// </summary>
internal static class PortOwner
{
    private const string Listen = "0A";

    public static int? ProcessListeningOn(int port)
    {
        var inodes = ListeningSocketInodes(port);
        if (inodes.Count == 0)
        {
            return null;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                foreach (var descriptor in Directory.EnumerateFileSystemEntries(Path.Combine(directory, "fd")))
                {
                    if (new FileInfo(descriptor).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal)
                        && inodes.Contains(target[8..^1]))
                    {
                        return pid;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process ended while being read, or is not ours to read.
            }
        }

        return null;
    }

    private static HashSet<string> ListeningSocketInodes(int port)
    {
        var inodes = new HashSet<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            foreach (var fields in File.ReadLines(table).Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                var local = fields[1];
                if (fields[3] == Listen && Convert.ToInt32(local[(local.LastIndexOf(':') + 1)..], 16) == port)
                {
                    inodes.Add(fields[9]);
                }
            }
        }

        return inodes;
    }
}

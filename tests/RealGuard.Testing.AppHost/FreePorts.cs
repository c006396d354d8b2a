using System.Net;
using System.Net.Sockets;

namespace RealGuard.Testing.AppHost;

internal static class FreePorts
{
    private const int Lowest = 10_000;
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// Distinct ports no one listens on, on 127.0.0.1 and (where it exists) ::1, since <c>localhost</c> binds both.
    /// They are taken below the kernel's ephemeral range: a port from there, once released, can be handed to the next
    /// socket bound to port 0 (a stand-in service of a stack starting beside this one) before the part binds it.
    /// Within this process no port is handed out twice.
    /// </summary>
    public static IReadOnlyList<int> Take(int count)
    {
        var below = EphemeralRangeStart();
        var ports = new List<int>();
        lock (HandedOut)
        {
            while (ports.Count < count)
            {
                var port = Random.Shared.Next(Lowest, below);
                if (!HandedOut.Contains(port) && IsFree(IPAddress.Loopback, port)
                    && (!Socket.OSSupportsIPv6 || IsFree(IPAddress.IPv6Loopback, port)))
                {
                    HandedOut.Add(port);
                    ports.Add(port);
                }
            }
        }

        return ports;
    }

    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start)
            && start > Lowest + 1_000
                ? start
                : 32_768;
    }

    private static bool IsFree(IPAddress address, int port)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException exception) when (exception.SocketErrorCode != SocketError.AddressAlreadyInUse)
        {
            return true; // no such loopback address here (no IPv6): no one can listen on it either
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

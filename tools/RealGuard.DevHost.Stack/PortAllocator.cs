using System.Net;
using System.Net.Sockets;

namespace RealGuard.DevHost;

internal static class PortAllocator
{
    private static readonly Lazy<bool> HasIPv6Loopback = new(() =>
    {
        try
        {
            using var probe = Bind(IPAddress.IPv6Loopback, 0);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    });

    /// <summary>
    /// Ports no one listens on, on both loopback addresses (<c>localhost</c> binds both), distinct from each other.
    /// They stay free only until someone else takes them; good enough for tests started side by side.
    /// </summary>
    public static IReadOnlyList<int> FreePorts(int count)
    {
        var held = new List<Socket>();
        var ports = new List<int>();
        try
        {
            while (ports.Count < count)
            {
                var ipv4 = Bind(IPAddress.Loopback, 0);
                held.Add(ipv4);
                var port = ((IPEndPoint)ipv4.LocalEndPoint!).Port;
                if (!HasIPv6Loopback.Value)
                {
                    ports.Add(port);
                    continue;
                }

                try
                {
                    held.Add(Bind(IPAddress.IPv6Loopback, port));
                    ports.Add(port);
                }
                catch (SocketException)
                {
                    // Taken on ::1 only; keep the IPv4 socket held so the next attempt gets another port.
                }
            }

            return ports;
        }
        finally
        {
            held.ForEach(socket => socket.Dispose());
        }
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var ipv4 = Bind(IPAddress.Loopback, port);
            if (HasIPv6Loopback.Value)
            {
                using var ipv6 = Bind(IPAddress.IPv6Loopback, port);
            }

            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static Socket Bind(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            socket.Listen();
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

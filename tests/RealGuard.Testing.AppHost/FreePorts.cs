using System.Net;
using System.Net.Sockets;

namespace RealGuard.Testing.AppHost;

internal static class FreePorts
{
    /// <summary>
    /// Distinct ports no one listens on, on 127.0.0.1 and (where it exists) ::1, since <c>localhost</c> binds both.
    /// They stay free only until someone else takes them: good enough for stacks started side by side.
    /// </summary>
    public static IReadOnlyList<int> Take(int count)
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
                if (!Socket.OSSupportsIPv6 || TryBind(IPAddress.IPv6Loopback, port, held))
                {
                    ports.Add(port);
                }
            }

            return ports;
        }
        finally
        {
            held.ForEach(socket => socket.Dispose());
        }
    }

    private static bool TryBind(IPAddress address, int port, List<Socket> held)
    {
        try
        {
            held.Add(Bind(address, port));
            return true;
        }
        catch (SocketException)
        {
            return false; // taken on this address (or no IPv6 loopback): the held IPv4 socket makes the next try differ
        }
    }

    private static Socket Bind(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

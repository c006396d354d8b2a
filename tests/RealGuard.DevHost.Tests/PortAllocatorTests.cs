using System.Net;
using System.Net.Sockets;

namespace RealGuard.DevHost.Tests;

public sealed class PortAllocatorTests
{
    [Fact]
    public void Free_ports_are_distinct_and_can_be_listened_on()
    {
        var ports = PortAllocator.FreePorts(6);

        Assert.Equal(6, ports.Distinct().Count());
        foreach (var port in ports)
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
    }

    [Fact]
    public void A_port_someone_listens_on_is_not_free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        Assert.False(PortAllocator.IsFree(port));
        listener.Stop();
        Assert.True(PortAllocator.IsFree(port));
    }
}

using System.Net;
using System.Net.Sockets;

namespace DockerApiGen.Runtime.Tests.Connect.Support;

internal static class FreePort
{
    /// <summary>A loopback port nothing listens on now (the OS picks it; a race with another process is unlikely).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

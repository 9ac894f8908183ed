using System.Net.Sockets;
using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Tests.Connect.Support;

namespace DockerApiGen.Runtime.Tests.Connect;

/// <summary>A unix socket the user may not open (as a user outside the docker group meets /var/run/docker.sock).</summary>
public sealed class SocketPermissionTests
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // Skipped elsewhere by ThreadCredentials.Unavailable().
    public void A_socket_without_permission_names_it_and_says_how_to_get_access()
    {
        Components.RequireNoProblem(ThreadCredentials.Unavailable());
        using var folder = new TempFolder();
        // The folder may be entered by anyone, as /var/run is: only the socket's own mode keeps the user out.
        File.SetUnixFileMode(folder.Path, (UnixFileMode)0b111_101_101);
        var path = folder.Combine("docker.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen();
        // Only root may connect now (root ignores file modes); the unprivileged user may not.
        File.SetUnixFileMode(path, UnixFileMode.None);
        using var transport = new UnixSocketTransport(path);

        var (error, uidLine) = ThreadCredentials.RunAs(ThreadCredentials.Nobody, () =>
        {
            try
            {
                using var stream = transport.ConnectAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
                return (DockerConnectionException?)null;
            }
            catch (DockerConnectionException ex)
            {
                return ex;
            }
        });

        Assert.Equal($"Uid:\t0\t{ThreadCredentials.Nobody}\t0\t{ThreadCredentials.Nobody}", uidLine);
        Assert.NotNull(error);
        Assert.Equal($"unix://{path}", error.Endpoint);
        Assert.StartsWith($"Cannot connect to the Docker daemon at unix://{path}: Permission denied", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("This user may not use the socket: add it to the socket's group (usually 'docker') or run as a user who may.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_socket_says_the_daemon_may_not_run()
    {
        using var transport = new UnixSocketTransport("/nonexistent/dockerapigen.sock");
        var error = await Daemon.FailureAsync(transport);
        Assert.Equal("Cannot connect to the Docker daemon at unix:///nonexistent/dockerapigen.sock: there is no socket at /nonexistent/dockerapigen.sock. Is the daemon running? Start it, or point DOCKER_HOST at the right socket.", error.Message);
    }
}

namespace DockerApiGen.Runtime.Transport;

/// <summary>HTTP over a unix domain socket, for code that wants a plain <see cref="HttpClient"/> (tests, baselines).</summary>
public static class UnixSocketHandler
{
    /// <summary>
    /// A handler whose every connection goes to the socket at <paramref name="socketPath"/>; the request's
    /// host name is ignored (use any, e.g. <c>http://docker/</c>).
    /// </summary>
    /// <param name="socketPath">The socket, e.g. <c>/var/run/docker.sock</c>.</param>
    public static SocketsHttpHandler Create(string socketPath) => new UnixSocketTransport(socketPath).CreateHandler();
}

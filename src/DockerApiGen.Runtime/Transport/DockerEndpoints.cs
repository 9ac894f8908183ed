namespace DockerApiGen.Runtime.Transport;

/// <summary>Turns an endpoint string, or the environment, into a <see cref="DockerTransport"/>.</summary>
public static class DockerEndpoints
{
    /// <summary>The transport for the given options: their transport, their endpoint, else <c>DOCKER_HOST</c>, else the platform default.</summary>
    /// <param name="options">The client's options.</param>
    public static DockerTransport Resolve(DockerClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Transport is { } transport)
        {
            return transport;
        }

        var endpoint = options.Endpoint ?? Environment.GetEnvironmentVariable("DOCKER_HOST");
        return string.IsNullOrWhiteSpace(endpoint) ? new UnixSocketTransport(UnixSocketTransport.DefaultSocketPath) : FromEndpoint(endpoint);
    }

    /// <summary>The transport for an endpoint string: <c>unix://</c>, <c>tcp://</c>, <c>http://</c>.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <exception cref="ArgumentException">The endpoint is malformed or its scheme is not supported; the message says which are.</exception>
    public static DockerTransport FromEndpoint(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"'{endpoint}' is not a Docker endpoint. Write it as unix:///path/to/docker.sock or tcp://host:port.", nameof(endpoint));
        }

        switch (uri.Scheme)
        {
            case "unix":
                return new UnixSocketTransport(uri.AbsolutePath.Length > 0 ? Uri.UnescapeDataString(uri.AbsolutePath) : UnixSocketTransport.DefaultSocketPath);
            case "tcp" or "http":
                return new TcpTransport(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 2375 : uri.Port);
            default:
                throw new ArgumentException($"The Docker endpoint '{endpoint}' has scheme '{uri.Scheme}', which this client does not support. Use unix:// or tcp://.", nameof(endpoint));
        }
    }
}

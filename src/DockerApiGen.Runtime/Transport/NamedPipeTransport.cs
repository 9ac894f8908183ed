using System.IO.Pipes;

namespace DockerApiGen.Runtime.Transport;

/// <summary>
/// A daemon on a Windows named pipe (<c>npipe:////./pipe/docker_engine</c>), as Docker Desktop and the Windows
/// engine listen by default. Named pipes exist only on Windows; elsewhere connecting fails with a message that
/// says so.
/// </summary>
public sealed class NamedPipeTransport : DockerTransport
{
    /// <summary>The docker CLI's default endpoint on Windows.</summary>
    public const string DefaultEndpoint = "npipe:////./pipe/docker_engine";

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Creates the transport.</summary>
    /// <param name="pipeName">The pipe's name without <c>\\server\pipe\</c>, e.g. <c>docker_engine</c>.</param>
    /// <param name="serverName">The machine, <c>.</c> for this one.</param>
    public NamedPipeTransport(string pipeName, string serverName = ".")
    {
        ArgumentException.ThrowIfNullOrEmpty(pipeName);
        ArgumentException.ThrowIfNullOrEmpty(serverName);
        PipeName = pipeName;
        ServerName = serverName;
    }

    /// <summary>The pipe's name, e.g. <c>docker_engine</c>.</summary>
    public string PipeName { get; }

    /// <summary>The machine the pipe is on; <c>.</c> for this one.</summary>
    public string ServerName { get; }

    /// <inheritdoc />
    public override string Endpoint => $"npipe:////{ServerName}/pipe/{PipeName}";

    /// <inheritdoc />
    public override async ValueTask<Stream> ConnectAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
        {
            throw new DockerConnectionException(Endpoint, $"Cannot connect to the Docker daemon at {Endpoint}: named pipes exist only on Windows. Use unix://, tcp:// or ssh:// here.");
        }

        var pipe = new NamedPipeClientStream(ServerName, PipeName, PipeDirection.InOut, PipeOptions.Asynchronous);
        try
        {
            // The daemon creates a new pipe instance per client; while all are busy, ConnectAsync waits for one.
            await pipe.ConnectAsync(ConnectTimeout, cancellationToken).ConfigureAwait(false);
            return new NamedPipeConnectionStream(pipe);
        }
        catch (TimeoutException ex)
        {
            await pipe.DisposeAsync().ConfigureAwait(false);
            throw new DockerConnectionException(Endpoint, $"Cannot connect to the Docker daemon at {Endpoint}: no pipe answered within {ConnectTimeout.TotalSeconds:0} s. Is Docker running? Start Docker Desktop or the docker service.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            await pipe.DisposeAsync().ConfigureAwait(false);
            throw new DockerConnectionException(Endpoint, $"Cannot connect to the Docker daemon at {Endpoint}: access denied. Run as an administrator or as a member of the 'docker-users' group.", ex);
        }
        catch (IOException ex)
        {
            await pipe.DisposeAsync().ConfigureAwait(false);
            throw new DockerConnectionException(Endpoint, $"Cannot connect to the Docker daemon at {Endpoint}: {ex.Message}. Is Docker running, and is this the right pipe?", ex);
        }
        catch
        {
            await pipe.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

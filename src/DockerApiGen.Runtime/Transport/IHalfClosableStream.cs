namespace DockerApiGen.Runtime.Transport;

/// <summary>
/// A connection stream that can end its sending side while it keeps reading: what attach and exec need
/// to tell a process its stdin is closed and still receive its output. Sockets
/// (<see cref="System.Net.Sockets.NetworkStream"/>) and TLS streams are handled without it; other transports'
/// streams (an SSH process's stdio, a named pipe) implement it.
/// </summary>
public interface IHalfClosableStream
{
    /// <summary>Ends the sending side; reading goes on until the daemon closes its side.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask CloseWriteAsync(CancellationToken cancellationToken);
}

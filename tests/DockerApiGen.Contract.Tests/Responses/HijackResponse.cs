using System.Net.Sockets;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Validation;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>
/// A hijacked connection (attach, exec start, session). The client must ask for it with
/// <c>Connection: Upgrade</c> and <c>Upgrade: tcp</c> (<c>h2c</c> for a session); the server answers
/// <c>101 UPGRADED</c> and echoes stdin back, as stdout frames when <paramref name="multiplexed"/> (else raw),
/// until the client half-closes; then it closes the connection.
/// </summary>
/// <param name="protocol">The Upgrade protocol the client must ask for.</param>
/// <param name="multiplexed">Whether output is framed (no TTY) rather than raw.</param>
public sealed class HijackResponse(string protocol, bool multiplexed) : WireBehaviour
{
    /// <summary>The Upgrade protocol the client must ask for.</summary>
    public string Protocol => protocol;

    /// <inheritdoc />
    public override IEnumerable<Violation> Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!AsksForUpgrade(request))
        {
            yield return new Violation(
                "header Upgrade",
                $"a hijacked operation must send 'Connection: Upgrade' and 'Upgrade: {protocol}' (got Connection '{request.Header("Connection")}', Upgrade '{request.Header("Upgrade")}'); without them proxies and Docker Desktop break the stream.");
        }
    }

    /// <inheritdoc />
    public override async Task<bool> RespondAsync(ResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mediaType = multiplexed ? "application/vnd.docker.multiplexed-stream" : "application/vnd.docker.raw-stream";
        if (AsksForUpgrade(context.Request))
        {
            await HttpResponseWriter.WriteHeadAsync(context.Connection, 101, [new("Content-Type", mediaType), new("Connection", "Upgrade"), new("Upgrade", protocol)], cancellationToken, reason: "UPGRADED").ConfigureAwait(false);
        }
        else
        {
            // What the daemon does without the Upgrade headers: 200, and the connection is hijacked all the same.
            await HttpResponseWriter.WriteHeadAsync(context.Connection, 200, [new("Content-Type", mediaType)], cancellationToken).ConfigureAwait(false);
        }

        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await ReadStdinAsync(context.Reader, buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var output = multiplexed ? MultiplexedFrames.Frame(MultiplexedFrames.Stdout, buffer.AsSpan(0, read)) : buffer[..read];
            await context.Connection.WriteAsync(output, cancellationToken).ConfigureAwait(false);
            await context.Connection.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        // The client half-closed: the process's stdin ended, so it exits and the daemon closes the stream.
        context.Socket.Shutdown(SocketShutdown.Both);
        return false;
    }

    private bool AsksForUpgrade(HttpRequest request)
        => request.HeaderHasToken("Connection", "Upgrade") && string.Equals(request.Header("Upgrade"), protocol, StringComparison.OrdinalIgnoreCase);

    private static async Task<int> ReadStdinAsync(ConnectionReader reader, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return 0; // The client closed the whole connection rather than half-closing it.
        }
    }
}

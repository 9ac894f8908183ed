using System.Text;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>Logs of a container without a TTY: 200, then multiplexed frames on stdout and stderr, each its own chunk.</summary>
public sealed class MultiplexedOutputResponse : WireBehaviour
{
    /// <summary>What the stdout frame carries.</summary>
    public const string StdoutText = "sample stdout\n";

    /// <summary>What the stderr frame carries.</summary>
    public const string StderrText = "sample stderr\n";

    /// <summary>The one instance.</summary>
    public static MultiplexedOutputResponse Instance { get; } = new();

    private MultiplexedOutputResponse()
    {
    }

    /// <inheritdoc />
    public override async Task<bool> RespondAsync(ResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = context.Connection;
        await Server.HttpResponseWriter.WriteHeadAsync(connection, 200, [new("Content-Type", "application/vnd.docker.multiplexed-stream"), new("Transfer-Encoding", "chunked")], cancellationToken).ConfigureAwait(false);
        await Server.HttpResponseWriter.WriteChunkAsync(connection, MultiplexedFrames.Frame(MultiplexedFrames.Stdout, Encoding.UTF8.GetBytes(StdoutText)), cancellationToken).ConfigureAwait(false);
        await Server.HttpResponseWriter.WriteChunkAsync(connection, MultiplexedFrames.Frame(MultiplexedFrames.Stderr, Encoding.UTF8.GetBytes(StderrText)), cancellationToken).ConfigureAwait(false);
        await Server.HttpResponseWriter.WriteLastChunkAsync(connection, cancellationToken).ConfigureAwait(false);
        return true;
    }
}

using System.Text;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>A progress stream: 200, then fixed JSON objects one per line, each its own chunk, then the end.</summary>
/// <param name="lines">The JSON objects.</param>
public sealed class JsonLinesResponse(params string[] lines) : WireBehaviour
{
    /// <inheritdoc />
    public override Task<bool> RespondAsync(ResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WriteLinesAsync(context, "application/json", lines, cancellationToken);
    }

    /// <summary>Writes a 200 with a chunked body of JSON lines.</summary>
    /// <param name="context">The request being answered.</param>
    /// <param name="mediaType">The Content-Type.</param>
    /// <param name="jsonLines">The lines, without their newline.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <returns>True: the connection may carry another request.</returns>
    public static async Task<bool> WriteLinesAsync(ResponseContext context, string mediaType, IEnumerable<string> jsonLines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(jsonLines);
        await Server.HttpResponseWriter.WriteHeadAsync(context.Connection, 200, [new("Content-Type", mediaType), new("Transfer-Encoding", "chunked")], cancellationToken).ConfigureAwait(false);
        foreach (var line in jsonLines)
        {
            await Server.HttpResponseWriter.WriteChunkAsync(context.Connection, Encoding.UTF8.GetBytes(line + "\n"), cancellationToken).ConfigureAwait(false);
        }

        await Server.HttpResponseWriter.WriteLastChunkAsync(context.Connection, cancellationToken).ConfigureAwait(false);
        return true;
    }
}

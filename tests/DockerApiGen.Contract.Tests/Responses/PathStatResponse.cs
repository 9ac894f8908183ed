using System.Text;
using System.Text.Json.Nodes;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>
/// <c>HEAD /containers/{id}/archive</c>: 200 with no body; the answer is the
/// <c>X-Docker-Container-Path-Stat</c> header, base64 of a JSON object {name, size, mode, mtime, linkTarget}.
/// </summary>
public sealed class PathStatResponse : WireBehaviour
{
    /// <summary>The stat the header carries.</summary>
    public static JsonObject Stat => new()
    {
        ["name"] = SampleJson.Text,
        ["size"] = 1,
        ["mode"] = 420, // 0644
        ["mtime"] = SampleJson.DateTime,
        ["linkTarget"] = string.Empty,
    };

    /// <summary>The one instance.</summary>
    public static PathStatResponse Instance { get; } = new();

    private PathStatResponse()
    {
    }

    /// <inheritdoc />
    public override async Task<bool> RespondAsync(ResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(Stat.ToJsonString()));
        await Server.HttpResponseWriter.WriteAsync(context.Connection, 200, [new("X-Docker-Container-Path-Stat", header)], ReadOnlyMemory<byte>.Empty, context.IsHead, cancellationToken).ConfigureAwait(false);
        return true;
    }
}

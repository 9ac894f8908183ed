using DockerApiGen.Contract.Tests.Validation;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>
/// A stream of the success schema's objects, one per line (events, stats): <paramref name="count"/> of them
/// and then the end, or one alone when the query parameter <paramref name="singleWhenFalse"/> is false.
/// </summary>
/// <param name="count">How many objects a stream carries.</param>
/// <param name="singleWhenFalse">The query parameter that turns streaming off (<c>stream</c> of stats), or null.</param>
public sealed class SampleLinesResponse(int count, string? singleWhenFalse) : WireBehaviour
{
    /// <inheritdoc />
    public override Task<bool> RespondAsync(ResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var schema = context.Operation.Success?.Response["schema"]
            ?? throw new InvalidOperationException($"{context.Operation} streams objects but declares no schema.");
        var line = context.Samples.For(schema)?.ToJsonString() ?? "null";
        var single = singleWhenFalse is { } name
            && QueryString.Parse(context.Request.RawQuery, []).Any(p => p.Key == name && p.Value is "false" or "0");

        // v1.52+ events produce only line-delimited types (application/jsonl first); earlier ones say application/json.
        var produces = context.Operation.Produces;
        var mediaType = produces.Contains("application/json") ? "application/json" : produces.FirstOrDefault() ?? "application/json";
        return JsonLinesResponse.WriteLinesAsync(context, mediaType, Enumerable.Repeat(line, single ? 1 : count), cancellationToken);
    }
}

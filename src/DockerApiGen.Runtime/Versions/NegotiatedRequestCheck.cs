using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Http;
using Microsoft.Extensions.Logging;

namespace DockerApiGen.Runtime.Versions;

/// <summary>
/// Before a request goes out at a negotiated version older than the client's: refuses an operation that version
/// lacks, and finds the values set on the request (options, the body, properties inside a JSON body) that it
/// lacks, then refuses them all at once, or, when the options say so, drops each and logs it.
/// </summary>
internal static partial class NegotiatedRequestCheck
{
    /// <summary>Checks (and, when dropping, edits) a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="negotiated">The negotiated version.</param>
    /// <param name="clientVersion">The client's package version.</param>
    /// <param name="endpoint">The daemon's endpoint, for messages.</param>
    /// <param name="drop">Drop values the version lacks instead of refusing the call.</param>
    /// <param name="logger">Where dropped values are logged.</param>
    /// <exception cref="DockerUnsupportedFeatureException">The version lacks the operation, or (unless dropping) a value set on it.</exception>
    public static void Apply(DockerRequest request, NegotiatedApiVersion negotiated, string clientVersion, string endpoint, bool drop, ILogger logger)
    {
        var version = negotiated.Version;
        if (request.Since > version)
        {
            throw Refusal(request, [new UnsupportedApiFeature($"operation {request.OperationId}", request.Since.ToString())], negotiated, clientVersion, endpoint, isOperation: true);
        }

        List<(UnsupportedApiFeature Feature, VersionRequirement? Requirement)>? found = null;
        foreach (var requirement in request.VersionRequirements)
        {
            if (requirement.Since > version)
            {
                (found ??= []).Add((new UnsupportedApiFeature(Describe(requirement), requirement.Since.ToString()), requirement));
            }
        }

        var bodyRemoved = found?.Any(f => f.Requirement?.Part == DockerRequestPart.Body) == true;
        IReadOnlyList<JsonShapeMatch> inBody = !bodyRemoved && request.BodyShape is { } shape && shape.Newest > version
            ? JsonShapeWalker.FindNewer(request.JsonBodyBytes.Span, shape, version)
            : [];
        foreach (var match in inBody)
        {
            (found ??= []).Add((new UnsupportedApiFeature($"body property '{match.Path}'", match.Since.ToString()), null));
        }

        if (found is null)
        {
            return;
        }

        if (!drop)
        {
            throw Refusal(request, found.Select(f => f.Feature).ToList(), negotiated, clientVersion, endpoint, isOperation: false);
        }

        foreach (var (feature, requirement) in found)
        {
            switch (requirement?.Part)
            {
                case DockerRequestPart.Query:
                    request.RemoveQuery(requirement.Value.Name);
                    break;
                case DockerRequestPart.Header:
                    request.RemoveHeader(requirement.Value.Name);
                    break;
                case DockerRequestPart.Body:
                    request.RemoveBody();
                    break;
            }

            LogDropped(logger, request.OperationId, feature.Description, feature.Since, version.ToString(), endpoint);
        }

        if (inBody.Count > 0)
        {
            request.ReplaceJsonBody(JsonShapeWalker.RemoveNewer(request.JsonBodyBytes.Span, request.BodyShape!, version));
        }
    }

    private static string Describe(VersionRequirement requirement) => requirement.Part switch
    {
        DockerRequestPart.Query => $"query parameter '{requirement.Name}'",
        DockerRequestPart.Header => $"header '{requirement.Name}'",
        DockerRequestPart.Body => $"body '{requirement.Name}'",
        _ => $"body property '{requirement.Name}'",
    };

    private static DockerUnsupportedFeatureException Refusal(DockerRequest request, IReadOnlyList<UnsupportedApiFeature> features, NegotiatedApiVersion negotiated, string clientVersion, string endpoint, bool isOperation)
        => new(request.OperationId, $"{request.Method} {request.Path}", features, negotiated.Version.ToString(), clientVersion, negotiated.Daemon, endpoint, isOperation);

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Docker {OperationId}: dropped the {Feature}, added in API {Since}, because the daemon at {Endpoint} speaks API {Negotiated} (DockerClientOptions.DropUnsupportedValues)")]
    private static partial void LogDropped(ILogger logger, string operationId, string feature, string since, string negotiated, string endpoint);
}

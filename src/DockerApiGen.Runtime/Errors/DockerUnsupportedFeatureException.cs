using DockerApiGen.Runtime.Versions;

namespace DockerApiGen.Runtime.Errors;

/// <summary>Something a call needs that the negotiated API version lacks.</summary>
/// <param name="Description">What it is: <c>operation ImageAttestations</c>, <c>query parameter 'signal'</c>, <c>body property 'HostConfig.Annotations'</c>.</param>
/// <param name="Since">The API version that introduced it.</param>
public sealed record UnsupportedApiFeature(string Description, string Since)
{
    /// <inheritdoc />
    public override string ToString() => $"{Description} (API {Since})";
}

/// <summary>
/// A client negotiating its API version with an older daemon was asked for an operation, or given a value, that the
/// negotiated version lacks. Nothing was sent. The message says what was called, which version added it, what the
/// daemon speaks and which package matches the daemon. Values are never shown (they may be credentials), only their names.
/// </summary>
public sealed class DockerUnsupportedFeatureException : NotSupportedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The operation called.</param>
    /// <param name="request">The request, as <c>METHOD /path</c>.</param>
    /// <param name="features">What the negotiated version lacks: the operation itself, or values set on it.</param>
    /// <param name="negotiatedVersion">The version the client speaks with this daemon.</param>
    /// <param name="clientVersion">The version of the client's package.</param>
    /// <param name="daemon">The daemon's versions.</param>
    /// <param name="endpoint">The daemon's endpoint.</param>
    /// <param name="isOperation">Whether the operation itself is missing (else values set on it).</param>
    public DockerUnsupportedFeatureException(string operationId, string request, IReadOnlyList<UnsupportedApiFeature> features, string negotiatedVersion, string clientVersion, DaemonApiVersions daemon, string endpoint, bool isOperation)
        : base(Describe(operationId, request, features, negotiatedVersion, clientVersion, daemon, endpoint, isOperation))
    {
        ArgumentNullException.ThrowIfNull(features);
        OperationId = operationId;
        Features = features;
        NegotiatedVersion = negotiatedVersion;
        ClientVersion = clientVersion;
        Daemon = daemon;
        Endpoint = endpoint;
        IsOperation = isOperation;
    }

    /// <summary>The operation called.</summary>
    public string OperationId { get; }

    /// <summary>What the negotiated version lacks.</summary>
    public IReadOnlyList<UnsupportedApiFeature> Features { get; }

    /// <summary>The version the client speaks with this daemon.</summary>
    public string NegotiatedVersion { get; }

    /// <summary>The version of the client's package.</summary>
    public string ClientVersion { get; }

    /// <summary>The daemon's versions.</summary>
    public DaemonApiVersions Daemon { get; }

    /// <summary>The daemon's endpoint.</summary>
    public string Endpoint { get; }

    /// <summary>Whether the operation itself is missing from the negotiated version (else values set on it are).</summary>
    public bool IsOperation { get; }

    /// <summary>The package pinned to the negotiated version (<c>DockerApiGen.Engine.V1_44</c>).</summary>
    public string MatchingPackage => DockerApiVersionException.PackageFor(NegotiatedVersion);

    private static string Describe(string operationId, string request, IReadOnlyList<UnsupportedApiFeature> features, string negotiated, string client, DaemonApiVersions daemon, string endpoint, bool isOperation)
    {
        var speaks = $"the daemon at {endpoint} speaks Docker Engine API {negotiated} at most (engine {daemon.EngineVersion ?? "?"}), so this {DockerApiVersionException.PackageFor(client)} client negotiated {negotiated} and sent nothing.";
        var package = $"{DockerApiVersionException.PackageFor(negotiated)} is the package that matches this daemon.";
        if (isOperation)
        {
            return $"{operationId} ({request}) was added in Docker Engine API {features[0].Since}, but {speaks} Upgrade the daemon to one that serves API {features[0].Since}, or check DockerApiConnection.GetApiVersionAsync() before calling it; {package}";
        }

        return $"{operationId} ({request}) sets {(features.Count == 1 ? "a value" : "values")} that Docker Engine API {negotiated} lacks: {string.Join("; ", features)}. {char.ToUpperInvariant(speaks[0])}{speaks[1..]} Leave {(features.Count == 1 ? "it" : "them")} unset, set DockerClientOptions.DropUnsupportedValues to drop such values (each is logged), or upgrade the daemon; {package}";
    }
}

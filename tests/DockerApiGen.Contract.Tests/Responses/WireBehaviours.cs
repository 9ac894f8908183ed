using DockerApiGen.Contract.Tests.Spec;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>
/// The wire behaviour of every operation whose answer the spec cannot express (engine-api-notes.md,
/// "Operations the spec cannot express"), keyed by family and operationId: the Engine's streams, hijacks and
/// archives, the Hub's token endpoints. Every other operation answers from its success response's schema: a page
/// of a paged list (a schema with <c>results</c> and a <c>next</c> link) as one of several linked pages, a
/// <c>text/csv</c> answer as CSV, anything else as a sample of the schema.
/// </summary>
public static class WireBehaviours
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly JsonLinesResponse PluginProgress = new(
        """{"status":"Pulling from sample/plugin","id":"latest"}""",
        $$"""{"status":"Digest: {{Digest}}"}""",
        """{"status":"Status: Downloaded newer image for sample/plugin:latest"}""");

    private static readonly Dictionary<string, WireBehaviour> Table = new(StringComparer.Ordinal)
    {
        // Progress streams: 200, then JSON objects one per line (an error would come inside, as an object).
        ["ImageCreate"] = new JsonLinesResponse(
            """{"status":"Pulling from library/sample","id":"latest"}""",
            """{"status":"Downloading","progressDetail":{"current":1,"total":2},"progress":"[=====>     ]","id":"0123456789ab"}""",
            """{"status":"Status: Downloaded newer image for sample:latest"}"""),
        ["ImageBuild"] = new JsonLinesResponse(
            """{"stream":"Step 1/1 : FROM scratch\n"}""",
            $$$"""{"aux":{"ID":"{{{Digest}}}"}}""",
            """{"stream":"Successfully built 0123456789ab\n"}"""),
        ["ImageLoad"] = new JsonLinesResponse("""{"stream":"Loaded image: sample:latest\n"}"""),
        ["ImagePush"] = new JsonLinesResponse(
            """{"status":"The push refers to repository [127.0.0.1:5000/sample]"}""",
            """{"status":"Pushed","progressDetail":{},"id":"0123456789ab"}""",
            $$"""{"status":"latest: digest: {{Digest}} size: 1"}""",
            $$$"""{"progress":"","aux":{"Tag":"latest","Digest":"{{{Digest}}}","Size":1}}"""),
        ["PluginPull"] = PluginProgress,
        ["PluginUpgrade"] = PluginProgress,
        ["PluginPush"] = PluginProgress,

        // Streams of the success schema's objects: events until the server ends them; stats unless stream=false.
        ["SystemEvents"] = new SampleLinesResponse(count: 3, singleWhenFalse: null),
        ["ContainerStats"] = new SampleLinesResponse(count: 3, singleWhenFalse: "stream"),

        // Multiplexed output: frames with an 8-byte header, stdout and stderr.
        ["ContainerLogs"] = MultiplexedOutputResponse.Instance,
        ["ServiceLogs"] = MultiplexedOutputResponse.Instance,
        ["TaskLogs"] = MultiplexedOutputResponse.Instance,

        // Hijacked connections: 101 UPGRADED, then stdin echoed back until the client half-closes.
        ["ContainerAttach"] = new HijackResponse("tcp", multiplexed: true),
        ["ExecStart"] = new HijackResponse("tcp", multiplexed: true),
        ["Session"] = new HijackResponse("h2c", multiplexed: false),
        ["ContainerAttachWebsocket"] = WebSocketEchoResponse.Instance,

        // Answers in headers.
        ["ContainerArchiveInfo"] = PathStatResponse.Instance,
        ["SystemPing"] = PingResponse.Instance,
        ["SystemPingHead"] = PingResponse.Instance,

        // Tar archives.
        ["ContainerExport"] = TarResponse.Instance,
        ["ContainerArchive"] = TarResponse.Instance,
        ["ImageGet"] = TarResponse.Instance,
        ["ImageGetAll"] = TarResponse.Instance,
    };

    // The Hub's token endpoints issue the tokens the server then accepts (TokenAuthority).
    private static readonly Dictionary<string, WireBehaviour> HubTable = new(StringComparer.Ordinal)
    {
        ["AuthCreateAccessToken"] = TokenExchangeResponse.AccessToken,
        ["PostUsersLogin"] = TokenExchangeResponse.UsersLogin,
        ["PostUsers2FALogin"] = TokenExchangeResponse.SecondFactor,
    };

    /// <summary>The Engine's operations with a wire behaviour of their own.</summary>
    public static IReadOnlyCollection<string> SpecialOperations => Table.Keys;

    /// <summary>A family's operations with a wire behaviour of their own.</summary>
    /// <param name="family">The spec family.</param>
    public static IReadOnlyCollection<string> SpecialOperationsOf(string family) => TableOf(family).Keys;

    /// <summary>The wire behaviour of an Engine operation.</summary>
    /// <param name="operationId">The operation.</param>
    public static WireBehaviour For(string operationId)
        => Table.TryGetValue(operationId, out var behaviour) ? behaviour : SchemaResponse.Instance;

    /// <summary>The wire behaviour of an operation of a spec.</summary>
    /// <param name="spec">The spec (its family and schemas).</param>
    /// <param name="operation">The operation.</param>
    public static WireBehaviour For(ContractSpec spec, SpecOperation operation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(operation);
        return TableOf(spec.Family).TryGetValue(operation.OperationId, out var behaviour) ? behaviour
            : PagedResponse.IsPage(spec, operation) ? PagedResponse.Instance
            : string.Equals(operation.SuccessMediaType, CsvResponse.MediaType, StringComparison.OrdinalIgnoreCase) ? CsvResponse.Instance
            : SchemaResponse.Instance;
    }

    private static Dictionary<string, WireBehaviour> TableOf(string family) => family == "hub" ? HubTable : Table;
}

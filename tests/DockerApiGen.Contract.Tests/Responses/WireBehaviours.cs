namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>
/// The wire behaviour of every operation whose answer the spec cannot express (engine-api-notes.md,
/// "Operations the spec cannot express"), keyed by operationId. Every other operation answers from its
/// success response's schema.
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

    /// <summary>The operations with a wire behaviour of their own.</summary>
    public static IReadOnlyCollection<string> SpecialOperations => Table.Keys;

    /// <summary>The wire behaviour of an operation.</summary>
    /// <param name="operationId">The operation.</param>
    public static WireBehaviour For(string operationId)
        => Table.TryGetValue(operationId, out var behaviour) ? behaviour : SchemaResponse.Instance;
}

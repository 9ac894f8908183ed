namespace DockerApiGen.Generator.Semantics;

/// <summary>One word an operations file may use, and what it means.</summary>
/// <typeparam name="T">The meaning's type.</typeparam>
/// <param name="Text">The word as written in the file.</param>
/// <param name="Meaning">What it stands for.</param>
/// <param name="Description">What it does, for errors and docs.</param>
public sealed record Word<T>(string Text, T Meaning, string Description);

/// <summary>
/// The one table from the words of an operations file (<c>specs/operations.yaml</c>) to their meanings:
/// the reader parses with it, errors list it, and tests check that the file's own comments describe it.
/// </summary>
public static class OperationsVocabulary
{
    /// <summary>The answer kinds (<c>responses: Op: { kind: … }</c>).</summary>
    public static IReadOnlyList<Word<ResponseKind>> ResponseKinds { get; } =
    [
        new("json", ResponseKind.Json, "JSON of the 2xx schema, or nothing when it has none (the default)"),
        new("headers", ResponseKind.Headers, "a value read from the answer's headers by the runtime type `result` (its static FromHeaders)"),
        new("json-stream", ResponseKind.JsonStream, "JSON values as they arrive (IAsyncEnumerable of the 2xx schema, or of `message`)"),
        new("progress", ResponseKind.Progress, "JSON progress messages of the model type `message`; an error inside the stream throws"),
        new("output", ResponseKind.Output, "container output: multiplexed frames or a raw TTY stream (ContainerOutput)"),
        new("stream", ResponseKind.Stream, "a byte stream (tar), never buffered"),
        new("hijack", ResponseKind.Hijack, "the connection is upgraded (`upgrade`, default tcp) to a duplex session (HijackedConnection)"),
        new("websocket", ResponseKind.WebSocket, "a websocket through the same transport"),
        new("paged", ResponseKind.Paged, "a paged list (`results` and a `next` link, or the properties `items` and `next` name): IAsyncEnumerable of its entries, pages fetched as they are read"),
        new("exists", ResponseKind.Exists, "whether the resource exists (HEAD): true on a 2xx, false on 404"),
        new("response", ResponseKind.Response, "the answer itself (HttpResponseMessage: status, headers, the body not yet read) for the package's hand-written code to read; no time limit"),
        new("json-with-headers", ResponseKind.JsonWithHeaders, "JSON of the 2xx schema with the answer's headers, as the runtime's generic type `result` of it"),
    ];

    /// <summary>How the client's areas and methods are named (<c>clientNames: …</c>).</summary>
    public static IReadOnlyList<Word<ClientNames>> ClientNamings { get; } =
    [
        new("tags", ClientNames.Tags, "an area per spec tag (`areas`), methods named by the operation id without the area's noun (the default)"),
        new("paths", ClientNames.Paths, "area and method from each operation's method and path (README, \"Operation names\"; `operationNames` where the rule reads badly)"),
    ];

    /// <summary>The parameter encodings (<c>parameters: - { encoding: … }</c>): query and header parameters, and path parameters and bodies where a word says so.</summary>
    public static IReadOnlyList<Word<ParameterEncoding>> ParameterEncodings { get; } =
    [
        new("filters", ParameterEncoding.Filters, "DockerApiGen.Runtime.Query.DockerFilters, sent as JSON"),
        new("json-string-map", ParameterEncoding.JsonStringMap, "IDictionary<string, string>, sent as JSON"),
        new("json-string-list", ParameterEncoding.JsonStringList, "IList<string>, sent as JSON"),
        new("json", ParameterEncoding.Json, "the model type `type`, sent as JSON; where the spec has a list, a list of it, each sent as JSON under the repeated name"),
        new("json-list", ParameterEncoding.JsonList, "a list of the model type `type`, sent as one JSON array"),
        new("registry-auth", ParameterEncoding.RegistryAuth, "DockerApiGen.Runtime.Auth.RegistryCredentials, sent as base64url JSON"),
        new("registry-config", ParameterEncoding.RegistryConfig, "registry → RegistryCredentials, sent as base64url JSON"),
        new("segments", ParameterEncoding.Segments, "a path parameter of `/`-separated segments (a repository name): each segment escaped, the slashes kept"),
        new("location", ParameterEncoding.Location, "a path parameter that is a URL an earlier answer's Location gave (System.Uri): the request goes there, query included"),
        new("bytes", ParameterEncoding.Bytes, "a body sent as the caller's bytes (a Stream, never re-serialized), whatever the spec's schemas"),
    ];

    /// <summary>Finds the meaning of a word.</summary>
    /// <typeparam name="T">The meaning's type.</typeparam>
    /// <param name="words">The table.</param>
    /// <param name="text">The word.</param>
    /// <param name="meaning">Its meaning, when found.</param>
    public static bool TryParse<T>(IReadOnlyList<Word<T>> words, string text, out T meaning)
    {
        ArgumentNullException.ThrowIfNull(words);
        var word = words.FirstOrDefault(w => w.Text == text);
        meaning = word is null ? default! : word.Meaning;
        return word is not null;
    }

    /// <summary>The words of a table as a sentence (<c>a, b or c</c>), for errors.</summary>
    /// <typeparam name="T">The meaning's type.</typeparam>
    /// <param name="words">The table.</param>
    public static string Sentence<T>(IReadOnlyList<Word<T>> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return string.Join(", ", words.Take(words.Count - 1).Select(w => w.Text)) + " or " + words[^1].Text;
    }
}

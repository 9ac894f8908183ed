using System.Text.Json;
using System.Text.Json.Nodes;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Naming;

namespace DockerApiGen.Generator.Semantics;

/// <summary>How a spec tag appears on <c>DockerClient</c>.</summary>
/// <param name="Tag">The spec tag.</param>
/// <param name="Property">The property on <c>DockerClient</c> (its class is this + <c>Client</c>).</param>
/// <param name="Noun">The noun dropped from operation ids to name methods.</param>
public sealed record AreaConfig(string Tag, string Property, string Noun);

/// <summary>What an operation's answer is, where the spec cannot say (the words are in <see cref="OperationsVocabulary"/>).</summary>
public enum ResponseKind
{
    /// <summary>JSON of the 2xx schema, or nothing when it has none (the default).</summary>
    Json,

    /// <summary>A value read from the answer's headers by a runtime type.</summary>
    Headers,

    /// <summary>JSON values as they arrive.</summary>
    JsonStream,

    /// <summary>Progress messages; an error inside the stream throws.</summary>
    Progress,

    /// <summary>Container output (multiplexed or raw).</summary>
    Output,

    /// <summary>A byte stream (tar).</summary>
    Stream,

    /// <summary>An upgraded, duplex connection.</summary>
    Hijack,

    /// <summary>A websocket.</summary>
    WebSocket,

    /// <summary>A paged list whose pages link to the next: its entries as they are read.</summary>
    Paged,

    /// <summary>Whether the resource exists: true on a 2xx, false on 404.</summary>
    Exists,

    /// <summary>The answer itself, for hand-written code to read.</summary>
    Response,

    /// <summary>JSON of the 2xx schema with the answer's headers.</summary>
    JsonWithHeaders,
}

/// <summary>How the client's areas and methods are named (the words are in <see cref="OperationsVocabulary"/>).</summary>
public enum ClientNames
{
    /// <summary>An area per spec tag, methods named by the operation id without the area's noun.</summary>
    Tags,

    /// <summary>Area and method from the operation's method and path (<see cref="Model.OperationModel.PathName"/>).</summary>
    Paths,
}

/// <summary>A declared answer.</summary>
/// <param name="OperationId">The operation.</param>
/// <param name="Kind">What the answer is.</param>
/// <param name="Message">The message model type of progress and JSON streams, when not the 2xx schema.</param>
/// <param name="Upgrade">The upgrade protocol of a hijack (default <c>tcp</c>).</param>
/// <param name="NoTimeout">The call may legitimately take long (waits): no request time limit.</param>
/// <param name="Line">Where it is declared.</param>
public sealed record ResponseSemantics(string OperationId, ResponseKind Kind, string? Message, string Upgrade, bool NoTimeout, int? Line)
{
    /// <summary>For <see cref="ResponseKind.Headers"/>: the runtime type (full name) whose static <c>FromHeaders</c> reads the answer; for <see cref="ResponseKind.JsonWithHeaders"/>: the runtime's generic type (full name, without its type argument) the connection returns.</summary>
    public string? Result { get; init; }

    /// <summary>For <see cref="ResponseKind.Hijack"/>: the body property (wire name) whose <c>true</c> asks the daemon for no session (exec start's <c>Detach</c>).</summary>
    public string? DetachedBy { get; init; }

    /// <summary>For <see cref="ResponseKind.Paged"/>: the page's property (wire name) that holds the entries (default <c>results</c>).</summary>
    public string Items { get; init; } = "results";

    /// <summary>For <see cref="ResponseKind.Paged"/>: the page's property (wire name) that links to the next page (default <c>next</c>).</summary>
    public string Next { get; init; } = "next";
}

/// <summary>How a string parameter that carries structure is typed and encoded (the words are in <see cref="OperationsVocabulary"/>).</summary>
public enum ParameterEncoding
{
    /// <summary>As the spec says.</summary>
    Plain,

    /// <summary><c>DockerFilters</c>, as JSON.</summary>
    Filters,

    /// <summary>A string map, as JSON.</summary>
    JsonStringMap,

    /// <summary>A string list, as JSON.</summary>
    JsonStringList,

    /// <summary>A model type as JSON; where the spec has a list, a list of the type, each as JSON under the repeated name.</summary>
    Json,

    /// <summary>A list of a model type, as one JSON array.</summary>
    JsonList,

    /// <summary>Registry credentials, as base64url JSON.</summary>
    RegistryAuth,

    /// <summary>Registry → credentials, as base64url JSON.</summary>
    RegistryConfig,

    /// <summary>A path parameter of several segments: each escaped, the slashes kept.</summary>
    Segments,

    /// <summary>A path parameter that is the URL an earlier answer's <c>Location</c> gave.</summary>
    Location,

    /// <summary>A body sent as the caller's bytes.</summary>
    Bytes,
}

/// <summary>A declared parameter encoding.</summary>
/// <param name="OperationId">The operation, or null for every operation.</param>
/// <param name="Name">The parameter's wire name (case-insensitive for headers).</param>
/// <param name="Encoding">The encoding.</param>
/// <param name="Type">The model type for <see cref="ParameterEncoding.Json"/> and <see cref="ParameterEncoding.JsonList"/>.</param>
/// <param name="Line">Where it is declared.</param>
public sealed record ParameterSemantics(string? OperationId, string Name, ParameterEncoding Encoding, string? Type, int? Line);

/// <summary>
/// <c>specs/operations.yaml</c>: how operations appear on the generated clients (areas, method names) and what
/// the spec cannot say about them (streams, hijacks, headers, JSON inside query strings). Declared data,
/// so a new version needs no generator change unless it brings a new kind of quirk.
/// </summary>
/// <param name="Areas">Tag → area.</param>
/// <param name="MethodNames">Operation id → method name (without <c>Async</c>).</param>
/// <param name="Responses">Operation id → declared answer.</param>
/// <param name="Parameters">Declared parameter encodings.</param>
/// <param name="File">Where it was read from.</param>
public sealed record OperationsConfig(
    IReadOnlyDictionary<string, AreaConfig> Areas,
    IReadOnlyDictionary<string, string> MethodNames,
    IReadOnlyDictionary<string, ResponseSemantics> Responses,
    IReadOnlyList<ParameterSemantics> Parameters,
    string File)
{
    /// <summary>Operation id → tag, for operations some spec versions leave untagged (v1.29–v1.38's TaskLogs).</summary>
    public IReadOnlyDictionary<string, string> OperationTags { get; init; } = new Dictionary<string, string>();

    /// <summary>How areas and methods are named: by tag and operation id (the default), or by method and path.</summary>
    public ClientNames ClientNames { get; init; } = ClientNames.Tags;

    /// <summary>
    /// Operation id → the hand-written member of the package's runtime that serves it: operations the generated
    /// client leaves out because the runtime makes those calls itself (the Hub's token endpoints).
    /// </summary>
    public IReadOnlyDictionary<string, string> HandWritten { get; init; } = new Dictionary<string, string>();

    /// <summary>Operation id → (wire name → options property name), for parameters whose wire names read badly (<c>t</c>, <c>q</c>, <c>v</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> OptionNames { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>The tag that decides an operation's area: the declared one, else the spec's first tag.</summary>
    /// <param name="operationId">The operation.</param>
    /// <param name="specTag">The spec's first tag.</param>
    public string TagOf(string operationId, string specTag) => OperationTags.TryGetValue(operationId, out var tag) ? tag : specTag;

    /// <summary>No declarations (each tag becomes an area named after it).</summary>
    public static OperationsConfig Empty { get; } = new(new Dictionary<string, AreaConfig>(), new Dictionary<string, string>(), new Dictionary<string, ResponseSemantics>(), [], "(no operations file)");

    /// <summary>The declared answer of an operation, or the default.</summary>
    /// <param name="operationId">The operation.</param>
    public ResponseSemantics ResponseOf(string operationId)
        => Responses.TryGetValue(operationId, out var declared) ? declared : new ResponseSemantics(operationId, ResponseKind.Json, null, "tcp", false, null);

    /// <summary>The declared encoding of a parameter: one for its operation first, then one for every operation.</summary>
    /// <param name="operationId">The operation.</param>
    /// <param name="name">The parameter's wire name.</param>
    public ParameterSemantics? ParameterOf(string operationId, string name)
        => Parameters.FirstOrDefault(p => p.OperationId == operationId && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? Parameters.FirstOrDefault(p => p.OperationId is null && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the file; a missing file means no declarations.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="GenerationException">The file is malformed; the problem names the line.</exception>
    public static OperationsConfig Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            return Empty;
        }

        var (document, map) = YamlToJson.Parse(System.IO.File.ReadAllText(path), path);
        var reader = new Reader(map);
        return new OperationsConfig(
            reader.Areas(document["areas"] as JsonObject),
            reader.MethodNames(document["methodNames"] as JsonObject),
            reader.Responses(document["responses"] as JsonObject),
            reader.Parameters(document["parameters"] as JsonArray),
            path)
        {
            OperationTags = reader.OperationTags(document["operationTags"] as JsonObject),
            OptionNames = reader.OptionNames(document["optionNames"] as JsonObject),
            ClientNames = reader.ClientNames(document["clientNames"]),
            HandWritten = reader.HandWritten(document["handWritten"] as JsonObject),
        };
    }

    private sealed class Reader(SourceMap map)
    {
        public Dictionary<string, AreaConfig> Areas(JsonObject? section)
        {
            var areas = new Dictionary<string, AreaConfig>(StringComparer.Ordinal);
            foreach (var (tag, value) in section ?? [])
            {
                var pointer = $"/areas/{SourceMap.Escape(tag)}";
                areas[tag] = new AreaConfig(tag, Identifier(value, "property", pointer), Required(value, "noun", pointer));
            }

            return areas;
        }

        public Dictionary<string, string> MethodNames(JsonObject? section)
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (operation, value) in section ?? [])
            {
                var pointer = $"/methodNames/{SourceMap.Escape(operation)}";
                var name = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string)v! : null;
                if (name is null || !Identifiers.IsValidIdentifier(name))
                {
                    throw Problem(pointer, $"The method name of '{operation}' must be a C# identifier (without Async).");
                }

                names[operation] = name;
            }

            return names;
        }

        public ClientNames ClientNames(JsonNode? node)
        {
            if (node is null)
            {
                return Semantics.ClientNames.Tags;
            }

            var text = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string)v! : string.Empty;
            return OperationsVocabulary.TryParse(OperationsVocabulary.ClientNamings, text, out var naming)
                ? naming
                : throw Problem("/clientNames", $"'{text}' is not a way to name the client. Use {OperationsVocabulary.Sentence(OperationsVocabulary.ClientNamings)}.");
        }

        public Dictionary<string, string> HandWritten(JsonObject? section)
        {
            var served = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (operation, value) in section ?? [])
            {
                served[operation] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace((string?)v)
                    ? (string)v!
                    : throw Problem($"/handWritten/{SourceMap.Escape(operation)}", $"The entry of '{operation}' must name the runtime member that serves it.");
            }

            return served;
        }

        public Dictionary<string, string> OperationTags(JsonObject? section)
        {
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (operation, value) in section ?? [])
            {
                tags[operation] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                    ? (string)v!
                    : throw Problem($"/operationTags/{SourceMap.Escape(operation)}", $"The tag of '{operation}' must be a string.");
            }

            return tags;
        }

        public Dictionary<string, IReadOnlyDictionary<string, string>> OptionNames(JsonObject? section)
        {
            var names = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var (operation, value) in section ?? [])
            {
                var pointer = $"/optionNames/{SourceMap.Escape(operation)}";
                var renames = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (wire, name) in value as JsonObject ?? throw Problem(pointer, $"The option names of '{operation}' must be a mapping of wire name to property name."))
                {
                    var text = name is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string)v! : null;
                    renames[wire] = text is not null && Identifiers.IsValidIdentifier(text)
                        ? text
                        : throw Problem($"{pointer}/{SourceMap.Escape(wire)}", $"The option name for '{wire}' of '{operation}' must be a C# identifier.");
                }

                names[operation] = renames;
            }

            return names;
        }

        public Dictionary<string, ResponseSemantics> Responses(JsonObject? section)
        {
            var responses = new Dictionary<string, ResponseSemantics>(StringComparer.Ordinal);
            foreach (var (operation, value) in section ?? [])
            {
                var pointer = $"/responses/{SourceMap.Escape(operation)}";
                var kindText = Required(value, "kind", pointer);
                if (!OperationsVocabulary.TryParse(OperationsVocabulary.ResponseKinds, kindText, out var kind))
                {
                    throw Problem(pointer + "/kind", $"'{kindText}' is not a response kind. Use {OperationsVocabulary.Sentence(OperationsVocabulary.ResponseKinds)}.");
                }

                var message = Optional(value, "message");
                if (kind == ResponseKind.Progress && message is null)
                {
                    throw Problem(pointer, $"The progress stream of '{operation}' needs a `message` type.");
                }

                var timeout = Optional(value, "timeout");
                if (timeout is not null and not "none")
                {
                    throw Problem(pointer + "/timeout", "`timeout` can only be `none` (the call waits for as long as it takes).");
                }

                var result = Optional(value, "result");
                var needsResult = kind is ResponseKind.Headers or ResponseKind.JsonWithHeaders;
                if (needsResult != (result is not null))
                {
                    throw Problem(pointer, kind switch
                    {
                        ResponseKind.Headers => $"The headers answer of '{operation}' needs a `result`: the runtime type whose static FromHeaders reads it.",
                        ResponseKind.JsonWithHeaders => $"The json-with-headers answer of '{operation}' needs a `result`: the runtime's generic type (full name) that carries the JSON and the headers.",
                        _ => "`result` is only for the headers and json-with-headers kinds.",
                    });
                }

                if (result is not null && !(result.Contains('.', StringComparison.Ordinal) && result.Split('.').All(Identifiers.IsValidIdentifier)))
                {
                    throw Problem(pointer + "/result", $"`result` of '{operation}' must be the full name of a runtime type (namespace and name), not '{result}'.");
                }

                var detachedBy = Optional(value, "detachedBy");
                if (detachedBy is not null && kind != ResponseKind.Hijack)
                {
                    throw Problem(pointer, "`detachedBy` is only for the hijack kind.");
                }

                var items = Optional(value, "items");
                var next = Optional(value, "next");
                if ((items is not null || next is not null) && kind != ResponseKind.Paged)
                {
                    throw Problem(pointer, "`items` and `next` are only for the paged kind.");
                }

                responses[operation] = new ResponseSemantics(operation, kind, message, Optional(value, "upgrade") ?? "tcp", timeout == "none", map.Find(pointer)?.Line)
                {
                    Result = result,
                    DetachedBy = detachedBy,
                    Items = items ?? "results",
                    Next = next ?? "next",
                };
            }

            return responses;
        }

        public List<ParameterSemantics> Parameters(JsonArray? section)
        {
            var parameters = new List<ParameterSemantics>();
            var index = 0;
            foreach (var value in section ?? [])
            {
                var pointer = $"/parameters/{index++}";
                var encodingText = Required(value, "encoding", pointer);
                if (!OperationsVocabulary.TryParse(OperationsVocabulary.ParameterEncodings, encodingText, out var encoding))
                {
                    throw Problem(pointer + "/encoding", $"'{encodingText}' is not a parameter encoding. Use {OperationsVocabulary.Sentence(OperationsVocabulary.ParameterEncodings)}.");
                }

                var type = Optional(value, "type");
                if (encoding is ParameterEncoding.Json or ParameterEncoding.JsonList && type is null)
                {
                    throw Problem(pointer, $"The `{encodingText}` encoding needs a model `type`.");
                }

                parameters.Add(new ParameterSemantics(Optional(value, "operation"), Required(value, "name", pointer), encoding, type, map.Find(pointer)?.Line));
            }

            return parameters;
        }

        private string Identifier(JsonNode? node, string key, string pointer)
        {
            var value = Required(node, key, pointer);
            return Identifiers.IsValidIdentifier(value) ? value : throw Problem($"{pointer}/{key}", $"'{value}' must be a C# identifier.");
        }

        private string Required(JsonNode? node, string key, string pointer)
            => Optional(node, key) ?? throw Problem(pointer, $"'{key}' is missing; it must be a string.");

        private static string? Optional(JsonNode? node, string key)
            => node is JsonObject obj && obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? (string)value! : null;

        private GenerationException Problem(string pointer, string message)
        {
            var position = map.Find(pointer);
            return new GenerationException(new SpecProblem(map.File, position?.Line, position?.Column, null, message));
        }
    }
}

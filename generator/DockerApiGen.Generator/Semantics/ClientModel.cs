using DockerApiGen.Generator.Availability;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Semantics;

/// <summary>
/// Everything the emitters print for one package, decided by <see cref="ClientModelBuilder"/> from the
/// spec model and the operations declarations: the model types with their C# shapes, a sub-client per
/// area with its methods (parameters, how each value travels, what the answer is), the options types, and
/// the JSON context. Immutable; nothing in it is C# text except names.
/// </summary>
/// <param name="Names">The package's names.</param>
/// <param name="Types">The model types, ordered by name.</param>
/// <param name="Areas">One sub-client per area, ordered by property name.</param>
/// <param name="JsonContext">The source-generated JSON context.</param>
/// <param name="BodyShapes">Which properties of the JSON request bodies are newer than the oldest locked version, for the runtime's negotiation checks.</param>
public sealed record ClientModel(PackageNames Names, IReadOnlyList<ModelDeclaration> Types, IReadOnlyList<ClientArea> Areas, JsonContextModel JsonContext, BodyShapes BodyShapes)
{
    /// <summary>The oldest locked version: members present since then carry no Since, and a negotiating client goes no lower. Null when nothing is marked (a spec outside the lock).</summary>
    public ApiVersion? OldestVersion { get; init; }

    /// <summary>How many operations, options and model properties carry a Since marker.</summary>
    public int MarkedMemberCount
        => Methods.Count(m => m.Availability.Since is not null)
            + Methods.SelectMany(m => m.Options?.Properties ?? []).Count(p => p.Availability.Since is not null)
            + Types.OfType<ClassDeclaration>().SelectMany(t => t.Properties).Count(p => p.Availability.Since is not null);

    /// <summary>Every method of every area.</summary>
    public IEnumerable<ClientMethod> Methods => Areas.SelectMany(a => a.Methods);

    /// <summary>The method that calls an operation, if any.</summary>
    /// <param name="operationId">The operation.</param>
    public ClientMethod? MethodFor(string operationId) => Methods.FirstOrDefault(m => m.Operation.OperationId == operationId);
}

/// <summary>The names one package is generated under.</summary>
/// <param name="ApiTitle">The API's name in docs (<c>Docker Engine API</c>).</param>
/// <param name="Version">The API version (<c>1.41</c>).</param>
/// <param name="RootNamespace">The package's namespace (clients, options, context).</param>
/// <param name="ModelsNamespace">The model types' namespace.</param>
/// <param name="ClientClassName">The entry client (<c>DockerClient</c>).</param>
/// <param name="Connection">The runtime connection every sub-client calls.</param>
/// <param name="ClientOptions">The options the entry client is made from.</param>
public sealed record PackageNames(
    string ApiTitle,
    string Version,
    string RootNamespace,
    string ModelsNamespace,
    string ClientClassName,
    NamedTypeName Connection,
    NamedTypeName ClientOptions)
{
    /// <summary>The entry client as a type.</summary>
    public NamedTypeName ClientType => new(RootNamespace, ClientClassName);

    /// <summary>The version as docs write it (<c>v1.41</c>, <c>2025-03</c>); the version with a <c>v</c> unless told.</summary>
    public string VersionLabel { get; init; } = "v" + Version;

    /// <summary>
    /// Whether the connection is pinned to the API version (the Engine's <c>/v1.41/</c> prefix): the entry client then
    /// passes its version to the connection and refuses a connection pinned to another. False where the version only
    /// dates the description (the Hub's paths are complete).
    /// </summary>
    public bool PinsVersion { get; init; } = true;

    /// <summary>What docs call the other end of the connection (<c>the daemon</c>, <c>Docker Hub</c>), as it reads inside a sentence.</summary>
    public string Server { get; init; } = DefaultServer;

    /// <summary>What docs call the other end unless the family says otherwise.</summary>
    public const string DefaultServer = "the daemon";

    /// <summary><see cref="Server"/> at the start of a sentence.</summary>
    public string ServerCapitalized => char.ToUpperInvariant(Server[0]) + Server[1..];

    /// <summary>Whether the entry client is partial, for a package whose hand-written code adds to it.</summary>
    public bool IsPartial { get; init; }

    /// <summary>The variable docs call the entry client by: its class name without <c>Client</c>, in lower case (<c>docker</c>, <c>hub</c>).</summary>
    public string ClientVariable => ClientClassName.EndsWith("Client", StringComparison.Ordinal) && ClientClassName.Length > 6
        ? ClientClassName[..^6].ToLowerInvariant()
        : "client";
}

/// <summary>A model type to print.</summary>
/// <param name="Name">Its C# name.</param>
/// <param name="Doc">Its documentation (the spec's Markdown, or a stated fallback).</param>
public abstract record ModelDeclaration(string Name, string Doc);

/// <summary>A model class: one JSON property per spec property, and the fields the spec does not declare.</summary>
/// <param name="Name">Its C# name.</param>
/// <param name="Doc">Its documentation.</param>
/// <param name="Properties">Its properties, in spec order.</param>
/// <param name="ExtensionDataName">The property that keeps undeclared JSON fields.</param>
public sealed record ClassDeclaration(string Name, string Doc, IReadOnlyList<PropertyDeclaration> Properties, string ExtensionDataName)
    : ModelDeclaration(Name, Doc);

/// <summary>A property of a model class.</summary>
/// <param name="Name">The C# name.</param>
/// <param name="WireName">The JSON name.</param>
/// <param name="Type">The C# type, nullable where the policy says so.</param>
/// <param name="Converter">A converter it needs, or null.</param>
/// <param name="Initializer">What it starts with (non-nullable properties only).</param>
/// <param name="Doc">Its documentation.</param>
/// <param name="Availability">When it appeared, was deprecated, was removed.</param>
public sealed record PropertyDeclaration(string Name, string WireName, CSharpTypeName Type, CSharpTypeName? Converter, Initializer Initializer, string Doc, MemberAvailability Availability);

/// <summary>An open enumeration: a struct wrapping the wire value, a static property per listed value.</summary>
/// <param name="Name">Its C# name.</param>
/// <param name="Doc">Its documentation.</param>
/// <param name="Kind">String or integer values.</param>
/// <param name="Members">The listed values, in spec order.</param>
public sealed record EnumDeclaration(string Name, string Doc, EnumKind Kind, IReadOnlyList<EnumMember> Members)
    : ModelDeclaration(Name, Doc);

/// <summary>A sub-client (<c>docker.Containers</c>).</summary>
/// <param name="Tag">The spec tag it serves.</param>
/// <param name="Property">Its property on the entry client.</param>
/// <param name="ClassName">Its class (<c>ContainersClient</c>).</param>
/// <param name="Methods">Its methods, ordered by name.</param>
public sealed record ClientArea(string Tag, string Property, string ClassName, IReadOnlyList<ClientMethod> Methods);

/// <summary>One generated method: one operation.</summary>
/// <param name="Name">The method name, ending in <c>Async</c>.</param>
/// <param name="Operation">The operation it calls.</param>
/// <param name="Path">The path template, split into literal text and parameters.</param>
/// <param name="Parameters">Its positional parameters, in order (the options and the token follow).</param>
/// <param name="Options">Its options type, if it has optional query or header parameters.</param>
/// <param name="Request">What the request carries besides the path, in the order it is added.</param>
/// <param name="Answer">What the call returns and how it is read.</param>
/// <param name="Availability">When the operation appeared, was deprecated, was removed.</param>
public sealed record ClientMethod(
    string Name,
    OperationModel Operation,
    IReadOnlyList<PathSegment> Path,
    IReadOnlyList<MethodParameter> Parameters,
    OptionsClass? Options,
    IReadOnlyList<RequestValue> Request,
    Answer Answer,
    MemberAvailability Availability)
{
    /// <summary>
    /// The positional parameter holding the URL the request goes to (an earlier answer's <c>Location</c>), when the
    /// operation is declared so; <see cref="Path"/> is then only its documentation.
    /// </summary>
    public string? Location { get; init; }
}

/// <summary>A piece of a path template: literal text, or a path parameter (escaped whole when sent, unless <see cref="Format"/> says otherwise).</summary>
/// <param name="Text">The literal text, or the C# name of the parameter.</param>
/// <param name="IsParameter">Whether this is a parameter.</param>
public sealed record PathSegment(string Text, bool IsParameter)
{
    /// <summary>How the runtime's path handler escapes the parameter (its format, <c>segments</c>); null: escaped whole.</summary>
    public string? Format { get; init; }
}

/// <summary>A positional parameter of a method.</summary>
/// <param name="Name">The C# name.</param>
/// <param name="Type">The C# type (nullable when optional).</param>
/// <param name="IsOptional">Defaults to null.</param>
/// <param name="NeedsNullCheck">A reference type that must not be null (checked before anything is sent).</param>
/// <param name="Doc">Its documentation.</param>
public sealed record MethodParameter(string Name, CSharpTypeName Type, bool IsOptional, bool NeedsNullCheck, string Doc);

/// <summary>An options type: the optional query and header parameters of one operation.</summary>
/// <param name="Name">The class name, <c>{OperationId}Options</c>.</param>
/// <param name="Operation">The operation.</param>
/// <param name="Properties">Its properties, in spec order.</param>
public sealed record OptionsClass(string Name, OperationModel Operation, IReadOnlyList<OptionProperty> Properties);

/// <summary>A property of an options type.</summary>
/// <param name="Name">The C# name.</param>
/// <param name="Type">The C# type (nullable).</param>
/// <param name="Doc">Its documentation.</param>
/// <param name="IsSecret">Carries credentials (left out of <c>ToString</c>).</param>
/// <param name="Availability">When its parameter appeared and was removed.</param>
public sealed record OptionProperty(string Name, CSharpTypeName Type, string Doc, bool IsSecret, MemberAvailability Availability);

/// <summary>Where a value travels in the request.</summary>
public enum RequestTarget
{
    /// <summary>The query string.</summary>
    Query,

    /// <summary>A header.</summary>
    Header,

    /// <summary>The body's <c>Content-Type</c> (a header parameter the spec declares).</summary>
    ContentType,

    /// <summary>The body's <c>Content-Length</c> (a header parameter the spec declares).</summary>
    ContentLength,

    /// <summary>The body.</summary>
    Body,
}

/// <summary>How a value is written on the wire (each maps to one call on the runtime's request).</summary>
public enum WireEncoding
{
    /// <summary>As text: strings as they are, numbers and booleans invariantly, lists as repeated names, filters and credentials by their own types.</summary>
    Text,

    /// <summary>An open enumeration's wire value.</summary>
    EnumValue,

    /// <summary>A list of open enumeration values, as repeated names.</summary>
    EnumValues,

    /// <summary>One JSON value.</summary>
    Json,

    /// <summary>Each item of a list as JSON, under the repeated name.</summary>
    JsonEach,

    /// <summary>A byte stream, never buffered (bodies only).</summary>
    Stream,
}

/// <summary>One value the request carries.</summary>
/// <param name="Target">Where it travels.</param>
/// <param name="WireName">Its name on the wire (none for a body).</param>
/// <param name="Source">The C# name it comes from: a positional parameter, or a property of the options.</param>
/// <param name="FromOptions">Whether <paramref name="Source"/> is an options property.</param>
/// <param name="Encoding">How it is written.</param>
/// <param name="Json">The JSON metadata for <see cref="WireEncoding.Json"/> and <see cref="WireEncoding.JsonEach"/> (of one item).</param>
/// <param name="EnumKind">The enumeration's value kind, for enumeration encodings.</param>
/// <param name="ContentType">The content type of a streamed body, or of a JSON body sent as another JSON media type.</param>
public sealed record RequestValue(
    RequestTarget Target,
    string WireName,
    string Source,
    bool FromOptions,
    WireEncoding Encoding,
    JsonContextEntry? Json = null,
    EnumKind? EnumKind = null,
    string? ContentType = null)
{
    /// <summary>
    /// The version that introduced the parameter, when it is newer than the oldest locked version and than its
    /// operation (whose own check covers it otherwise): a negotiating client checks it before sending a value that is set.
    /// </summary>
    public ApiVersion? Since { get; init; }

    /// <summary>Whether a value is always there (a positional value type), so the version check needs no null test.</summary>
    public bool AlwaysSet { get; init; }

    /// <summary>For a JSON body: which of its properties (nested ones included) are newer than the oldest locked version; null when none is.</summary>
    public ShapeValue? Shape { get; init; }
}

/// <summary>What a method returns and how the runtime reads it.</summary>
public enum AnswerKind
{
    /// <summary>Nothing: the call completes when the daemon has answered.</summary>
    Empty,

    /// <summary>The 2xx body as JSON.</summary>
    Json,

    /// <summary>The 2xx body as JSON, or null when the answer has no body.</summary>
    OptionalJson,

    /// <summary>A value read from the answer's headers (by the result type's <c>FromHeaders</c>).</summary>
    Headers,

    /// <summary>JSON values as they arrive.</summary>
    JsonStream,

    /// <summary>Progress messages; an error inside the stream throws.</summary>
    Progress,

    /// <summary>Container output (multiplexed or raw).</summary>
    Output,

    /// <summary>A byte stream.</summary>
    Stream,

    /// <summary>An upgraded, duplex connection.</summary>
    Hijack,

    /// <summary>A websocket.</summary>
    WebSocket,

    /// <summary>The entries of a paged list, pages fetched as they are read (<see cref="Answer.Paging"/> says how a page is read).</summary>
    Paged,

    /// <summary>Whether the resource exists: true on a 2xx, false on 404.</summary>
    Exists,

    /// <summary>The answer itself (status, headers, unread body), for hand-written code to read.</summary>
    Response,

    /// <summary>The 2xx body as JSON, with the answer's headers, in a runtime wrapper type.</summary>
    JsonWithHeaders,
}

/// <summary>What a method returns.</summary>
/// <param name="Kind">How the answer is read.</param>
/// <param name="ReturnType">The method's return type.</param>
/// <param name="Result">The value type (JSON result, stream item, header result), if any.</param>
/// <param name="Json">The JSON metadata of <paramref name="Result"/>, for JSON kinds.</param>
/// <param name="Upgrade">The upgrade protocol of a hijack.</param>
/// <param name="NoTimeLimit">The call may take as long as it takes (streams, waits).</param>
/// <param name="Errors">Where a progress stream reports errors.</param>
/// <param name="Doc">What it returns, for the docs.</param>
public sealed record Answer(
    AnswerKind Kind,
    CSharpTypeName ReturnType,
    CSharpTypeName? Result,
    JsonContextEntry? Json,
    string? Upgrade,
    bool NoTimeLimit,
    ProgressErrors? Errors,
    string Doc)
{
    /// <summary>For a hijack that the caller may ask to run without a session: which body property says so.</summary>
    public DetachSwitch? Detach { get; init; }

    /// <summary>For a paged list: the page type and its entries' and next link's properties (<see cref="Json"/> is the page's metadata).</summary>
    public PageAccess? Paging { get; init; }
}

/// <summary>A body property whose <c>true</c> asks the daemon to run without a session (it then answers an empty 2xx).</summary>
/// <param name="Parameter">The body parameter's C# name.</param>
/// <param name="Property">The property's C# name on the body type.</param>
/// <param name="BodyIsOptional">The body may be null.</param>
public sealed record DetachSwitch(string Parameter, string Property, bool BodyIsOptional);

/// <summary>Where a progress message carries an error: the C# property names on the message type.</summary>
/// <param name="Error">The <c>error</c> text property, if any.</param>
/// <param name="Detail">The <c>errorDetail</c> object property, if any.</param>
/// <param name="DetailMessage">Its <c>message</c> property, if any.</param>
/// <param name="DetailCode">Its <c>code</c> property, if any.</param>
public sealed record ProgressErrors(string? Error, string? Detail, string? DetailMessage, string? DetailCode);

/// <summary>
/// The versioned shapes of the JSON request bodies, printed as one class of static fields that the clients hand
/// to the runtime with each body.
/// </summary>
/// <param name="ClassName">The class that holds them.</param>
/// <param name="Shapes">One per object type that has (or leads to) a property newer than the oldest locked version, each after the shapes it uses.</param>
public sealed record BodyShapes(string ClassName, IReadOnlyList<BodyShape> Shapes);

/// <summary>The versioned shape of one object type: only the properties that are newer than the oldest locked version or lead to such.</summary>
/// <param name="TypeName">The model type (also the field's name).</param>
/// <param name="Properties">Those properties, in spec order.</param>
public sealed record BodyShape(string TypeName, IReadOnlyList<BodyShapeProperty> Properties);

/// <summary>One property of a versioned shape.</summary>
/// <param name="WireName">Its JSON name.</param>
/// <param name="Since">The version that introduced it, when newer than the oldest locked version.</param>
/// <param name="Value">The shape of its value, when something inside it is versioned.</param>
public sealed record BodyShapeProperty(string WireName, ApiVersion? Since, ShapeValue? Value);

/// <summary>The shape of a JSON value that holds versioned properties.</summary>
public abstract record ShapeValue;

/// <summary>An object of a shaped type.</summary>
/// <param name="TypeName">The type whose <see cref="BodyShape"/> applies.</param>
public sealed record ObjectShapeValue(string TypeName) : ShapeValue;

/// <summary>A list whose items have a shape.</summary>
/// <param name="Item">The items' shape.</param>
public sealed record ArrayShapeValue(ShapeValue Item) : ShapeValue;

/// <summary>A map whose values have a shape.</summary>
/// <param name="Value">The values' shape.</param>
public sealed record MapShapeValue(ShapeValue Value) : ShapeValue;

/// <summary>The source-generated JSON context.</summary>
/// <param name="ClassName">Its class name.</param>
/// <param name="Entries">Every type it serializes, ordered by full name.</param>
public sealed record JsonContextModel(string ClassName, IReadOnlyList<JsonContextEntry> Entries);

/// <summary>A type the JSON context serializes, with the metadata property the source generator gives it.</summary>
/// <param name="Type">The type.</param>
/// <param name="PropertyName">The property on <c>Default</c> that holds its metadata.</param>
public sealed record JsonContextEntry(CSharpTypeName Type, string PropertyName);

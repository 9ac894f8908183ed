namespace DockerApiGen.Generator.Semantics;

/// <summary>The framework and runtime types that generated code uses, in one place.</summary>
public static class KnownTypes
{
    private const string Collections = "System.Collections.Generic";
    private const string Json = "System.Text.Json";
    private const string Serialization = "System.Text.Json.Serialization";

    /// <summary>The runtime's root namespace.</summary>
    public const string Runtime = "DockerApiGen.Runtime";

    /// <summary>The namespace of every named type here.</summary>
    public static IReadOnlySet<string> Namespaces => AllNamespaces.Value;

    // Lazy: the properties below are initialized after this field would be.
    private static readonly Lazy<HashSet<string>> AllNamespaces = new(() => typeof(KnownTypes).GetProperties()
        .Where(p => p.PropertyType == typeof(NamedTypeName))
        .Select(p => ((NamedTypeName)p.GetValue(null)!).Namespace)
        .ToHashSet(System.StringComparer.Ordinal));

    /// <summary><c>string</c>.</summary>
    public static KeywordTypeName String { get; } = new("string", "String", false);

    /// <summary><c>bool</c>.</summary>
    public static KeywordTypeName Boolean { get; } = new("bool", "Boolean", true);

    /// <summary><c>long</c>.</summary>
    public static KeywordTypeName Int64 { get; } = new("long", "Int64", true);

    /// <summary><c>DateTimeOffset</c>.</summary>
    public static NamedTypeName DateTimeOffset { get; } = new("System", "DateTimeOffset", true);

    /// <summary><c>IList&lt;&gt;</c>.</summary>
    public static NamedTypeName IList { get; } = new(Collections, "IList");

    /// <summary><c>IDictionary&lt;,&gt;</c>.</summary>
    public static NamedTypeName IDictionary { get; } = new(Collections, "IDictionary");

    /// <summary><c>IReadOnlyDictionary&lt;,&gt;</c>.</summary>
    public static NamedTypeName IReadOnlyDictionary { get; } = new(Collections, "IReadOnlyDictionary");

    /// <summary><c>ISet&lt;&gt;</c>.</summary>
    public static NamedTypeName ISet { get; } = new(Collections, "ISet");

    /// <summary><c>IAsyncEnumerable&lt;&gt;</c>.</summary>
    public static NamedTypeName IAsyncEnumerable { get; } = new(Collections, "IAsyncEnumerable");

    /// <summary><c>Task</c>.</summary>
    public static NamedTypeName Task { get; } = new("System.Threading.Tasks", "Task");

    /// <summary><c>CancellationToken</c>.</summary>
    public static NamedTypeName CancellationToken { get; } = new("System.Threading", "CancellationToken", true);

    /// <summary><c>Stream</c>.</summary>
    public static NamedTypeName Stream { get; } = new("System.IO", "Stream");

    /// <summary><c>WebSocket</c>.</summary>
    public static NamedTypeName WebSocket { get; } = new("System.Net.WebSockets", "WebSocket");

    /// <summary><c>HttpMethod</c>.</summary>
    public static NamedTypeName HttpMethod { get; } = new("System.Net.Http", "HttpMethod");

    /// <summary><c>System.Net.Http.HttpResponseMessage</c>.</summary>
    public static NamedTypeName HttpResponseMessage { get; } = new("System.Net.Http", "HttpResponseMessage");

    /// <summary><c>System.Uri</c>.</summary>
    public static NamedTypeName Uri { get; } = new("System", "Uri");

    /// <summary><c>JsonElement</c>.</summary>
    public static NamedTypeName JsonElement { get; } = new(Json, "JsonElement", true);

    /// <summary><c>JsonPropertyNameAttribute</c>.</summary>
    public static NamedTypeName JsonPropertyName { get; } = new(Serialization, "JsonPropertyNameAttribute");

    /// <summary><c>JsonConverterAttribute</c>.</summary>
    public static NamedTypeName JsonConverter { get; } = new(Serialization, "JsonConverterAttribute");

    /// <summary><c>JsonExtensionDataAttribute</c>.</summary>
    public static NamedTypeName JsonExtensionData { get; } = new(Serialization, "JsonExtensionDataAttribute");

    /// <summary><c>JsonSerializableAttribute</c>.</summary>
    public static NamedTypeName JsonSerializable { get; } = new(Serialization, "JsonSerializableAttribute");

    /// <summary><c>JsonSourceGenerationOptionsAttribute</c>.</summary>
    public static NamedTypeName JsonSourceGenerationOptions { get; } = new(Serialization, "JsonSourceGenerationOptionsAttribute");

    /// <summary><c>JsonIgnoreCondition</c>.</summary>
    public static NamedTypeName JsonIgnoreCondition { get; } = new(Serialization, "JsonIgnoreCondition", true);

    /// <summary><c>JsonSerializerContext</c>.</summary>
    public static NamedTypeName JsonSerializerContext { get; } = new(Serialization, "JsonSerializerContext");

    /// <summary><c>ArgumentNullException</c>.</summary>
    public static NamedTypeName ArgumentNullException { get; } = new("System", "ArgumentNullException");

    /// <summary><c>ArgumentException</c>.</summary>
    public static NamedTypeName ArgumentException { get; } = new("System", "ArgumentException");

    /// <summary><c>InvalidOperationException</c>.</summary>
    public static NamedTypeName InvalidOperationException { get; } = new("System", "InvalidOperationException");

    /// <summary><c>IDisposable</c>.</summary>
    public static NamedTypeName IDisposable { get; } = new("System", "IDisposable");

    /// <summary><c>GC</c>.</summary>
    public static NamedTypeName GC { get; } = new("System", "GC");

    /// <summary><c>IEquatable&lt;&gt;</c>.</summary>
    public static NamedTypeName IEquatable { get; } = new("System", "IEquatable");

    /// <summary><c>StringComparison</c>.</summary>
    public static NamedTypeName StringComparison { get; } = new("System", "StringComparison", true);

    /// <summary><c>StringComparer</c>.</summary>
    public static NamedTypeName StringComparer { get; } = new("System", "StringComparer");

    /// <summary><c>CultureInfo</c>.</summary>
    public static NamedTypeName CultureInfo { get; } = new("System.Globalization", "CultureInfo");

    /// <summary><c>StringBuilder</c>.</summary>
    public static NamedTypeName StringBuilder { get; } = new("System.Text", "StringBuilder");

    /// <summary><c>Enumerable</c>.</summary>
    public static NamedTypeName Enumerable { get; } = new("System.Linq", "Enumerable");

    /// <summary>The runtime's <c>DockerRequest</c>.</summary>
    public static NamedTypeName DockerRequest { get; } = new(Runtime + ".Http", "DockerRequest");

    /// <summary>The runtime's <c>DockerApiConnection</c>.</summary>
    public static NamedTypeName DockerApiConnection { get; } = new(Runtime + ".Http", "DockerApiConnection");

    /// <summary>The runtime's <c>DockerClientOptions</c>.</summary>
    public static NamedTypeName DockerClientOptions { get; } = new(Runtime, "DockerClientOptions");

    /// <summary>The runtime's <c>DockerOperationAttribute</c>.</summary>
    public static NamedTypeName DockerOperation { get; } = new(Runtime, "DockerOperationAttribute");

    /// <summary>The runtime's <c>DockerApiVersionAttribute</c> (availability markers on properties).</summary>
    public static NamedTypeName DockerApiVersionAttribute { get; } = new(Runtime, "DockerApiVersionAttribute");

    /// <summary>The runtime's <c>DockerApiVersion</c> (a version the negotiation checks compare).</summary>
    public static NamedTypeName DockerApiVersion { get; } = new(Runtime + ".Versions", "DockerApiVersion", true);

    /// <summary>The runtime's <c>DockerRequestPart</c>.</summary>
    public static NamedTypeName DockerRequestPart { get; } = new(Runtime + ".Http", "DockerRequestPart", true);

    /// <summary>The runtime's <c>JsonShape</c> (the versioned shape of a JSON body).</summary>
    public static NamedTypeName JsonShape { get; } = new(Runtime + ".Versions", "JsonShape");

    /// <summary>The runtime's <c>DockerFilters</c>.</summary>
    public static NamedTypeName DockerFilters { get; } = new(Runtime + ".Query", "DockerFilters");

    /// <summary>The runtime's <c>RegistryCredentials</c>.</summary>
    public static NamedTypeName RegistryCredentials { get; } = new(Runtime + ".Auth", "RegistryCredentials");

    /// <summary>The runtime's <c>PingResult</c>.</summary>
    public static NamedTypeName PingResult { get; } = new(Runtime + ".Responses", "PingResult");

    /// <summary>The runtime's <c>ContainerPathStat</c>.</summary>
    public static NamedTypeName ContainerPathStat { get; } = new(Runtime + ".Responses", "ContainerPathStat");

    /// <summary>The runtime's <c>ContainerOutput</c>.</summary>
    public static NamedTypeName ContainerOutput { get; } = new(Runtime + ".Streams", "ContainerOutput");

    /// <summary>The runtime's <c>HijackedConnection</c>.</summary>
    public static NamedTypeName HijackedConnection { get; } = new(Runtime + ".Streams", "HijackedConnection");

    /// <summary>The runtime's <c>ProgressError</c>.</summary>
    public static NamedTypeName ProgressError { get; } = new(Runtime + ".Streams", "ProgressError");

    /// <summary>The runtime's <c>StringSetConverter</c>.</summary>
    public static NamedTypeName StringSetConverter { get; } = new(Runtime + ".Json", "StringSetConverter");

    /// <summary>The runtime's <c>StringOrStringListConverter</c>.</summary>
    public static NamedTypeName StringOrStringListConverter { get; } = new(Runtime + ".Json", "StringOrStringListConverter");

    /// <summary>The runtime's <c>IOpenStringEnum&lt;&gt;</c>.</summary>
    public static NamedTypeName IOpenStringEnum { get; } = new(Runtime + ".Json", "IOpenStringEnum");

    /// <summary>The runtime's <c>IOpenIntegerEnum&lt;&gt;</c>.</summary>
    public static NamedTypeName IOpenIntegerEnum { get; } = new(Runtime + ".Json", "IOpenIntegerEnum");

    /// <summary>The runtime's <c>OpenStringEnumConverter&lt;&gt;</c>.</summary>
    public static NamedTypeName OpenStringEnumConverter { get; } = new(Runtime + ".Json", "OpenStringEnumConverter");

    /// <summary>The runtime's <c>OpenIntegerEnumConverter&lt;&gt;</c>.</summary>
    public static NamedTypeName OpenIntegerEnumConverter { get; } = new(Runtime + ".Json", "OpenIntegerEnumConverter");
}

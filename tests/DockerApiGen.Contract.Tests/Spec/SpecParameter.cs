using System.Text.Json.Nodes;

namespace DockerApiGen.Contract.Tests.Spec;

/// <summary>Where a parameter travels (Swagger 2's and OpenAPI 3's <c>in</c>; an OpenAPI 3 request body is read as a <see cref="Body"/> parameter).</summary>
public static class ParameterLocation
{
    /// <summary>A path segment.</summary>
    public const string Path = "path";

    /// <summary>The query string.</summary>
    public const string Query = "query";

    /// <summary>A request header.</summary>
    public const string Header = "header";

    /// <summary>The request body.</summary>
    public const string Body = "body";
}

/// <summary>One parameter as the spec declares it.</summary>
/// <param name="Name">Its name on the wire.</param>
/// <param name="In">Where it travels: one of <see cref="ParameterLocation"/>'s values.</param>
/// <param name="Required">Whether it is required.</param>
/// <param name="Description">The spec's description (it says whether a string is JSON-encoded).</param>
/// <param name="Node">The parameter's spec node: type, format, enum, items, collectionFormat (Swagger 2), or schema, style and explode (OpenAPI 3), or schema for a body.</param>
public sealed record SpecParameter(string Name, string In, bool Required, string Description, JsonObject Node)
{
    /// <summary>
    /// The schema a value must fit: the node itself in Swagger 2 (which puts type, format and enum on the parameter),
    /// its <c>schema</c> in OpenAPI 3; empty for a body.
    /// </summary>
    public JsonObject ValueSchema => In == ParameterLocation.Body ? [] : Node["schema"] as JsonObject ?? Node;

    /// <summary>The declared type (<c>string</c>, <c>integer</c>, <c>boolean</c>, <c>array</c>…); null for a body.</summary>
    public string? Type => (string?)ValueSchema["type"];

    /// <summary>
    /// How a list travels (OpenAPI 3's <c>style</c>): <c>form</c> in a query (the default), <c>simple</c> in a header,
    /// <c>spaceDelimited</c> or <c>pipeDelimited</c>. Swagger 2 documents have none.
    /// </summary>
    public string Style => (string?)Node["style"] ?? (In == ParameterLocation.Header ? "simple" : "form");

    /// <summary>
    /// Whether a list repeats its name once per item (OpenAPI 3's <c>explode</c>, true by default for the form style);
    /// false: one value with the items separated as the style says. Swagger 2's lists always repeat (see <see cref="IsArray"/>).
    /// </summary>
    public bool Explode => (bool?)Node["explode"] ?? Style == "form";

    /// <summary>The body's schema; null for other parameters.</summary>
    public JsonNode? Schema => Node["schema"];

    /// <summary>
    /// Whether the parameter is a list. The daemon reads every list as repeated names (Go's <c>r.Form[name]</c>),
    /// whether the spec says <c>collectionFormat: multi</c> or leaves Swagger 2's comma-separated default, so
    /// each occurrence is one item (the notes: "<c>changes</c> repeats").
    /// </summary>
    public bool IsArray => Type == "array";

    /// <summary>
    /// Whether the value is JSON text inside a string (<c>filters</c>, <c>buildargs</c>, <c>platform</c>…):
    /// the spec says so only in prose, or with <c>format: json</c>.
    /// </summary>
    public bool IsJsonEncoded => (string?)ValueSchema["format"] == "json" || Description.Contains("JSON", StringComparison.Ordinal);

    /// <summary>Reads a parameter node.</summary>
    /// <param name="node">The node.</param>
    public static SpecParameter From(JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new SpecParameter((string)node["name"]!, (string)node["in"]!, (bool?)node["required"] ?? false, (string?)node["description"] ?? string.Empty, node);
    }

    /// <inheritdoc />
    public override string ToString() => $"{In} parameter '{Name}'";
}

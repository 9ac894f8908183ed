using System.Text.Json.Nodes;

namespace DockerApiGen.Contract.Tests.Spec;

/// <summary>A schema with its <c>$ref</c>s followed and its <c>allOf</c> parts merged.</summary>
/// <param name="Name">The definition it came from, if any (for messages and recursion limits).</param>
/// <param name="Types">The allowed JSON types; empty means any.</param>
/// <param name="Format">The format (<c>int64</c>, <c>dateTime</c>, <c>binary</c>…).</param>
/// <param name="Enum">The allowed values (with the project's patches applied), or null.</param>
/// <param name="Items">The item schema of an array.</param>
/// <param name="Properties">The declared properties.</param>
/// <param name="Required">The required properties.</param>
/// <param name="AdditionalProperties">The schema of undeclared properties (a map's values), <c>true</c>/<c>false</c>, or null.</param>
/// <param name="Nullable">Whether <c>x-nullable: true</c> (Swagger 2) or <c>nullable: true</c> (OpenAPI 3) allows null.</param>
public sealed record EffectiveSchema(
    string? Name,
    IReadOnlyList<string> Types,
    string? Format,
    JsonArray? Enum,
    JsonNode? Items,
    IReadOnlyDictionary<string, JsonNode> Properties,
    IReadOnlySet<string> Required,
    JsonNode? AdditionalProperties,
    bool Nullable)
{
    /// <summary>Whether the schema allows a JSON type.</summary>
    /// <param name="type">A Swagger type name.</param>
    public bool Allows(string type) => Types.Count == 0 || Types.Contains(type);

    /// <summary>The schema of undeclared properties, when <c>additionalProperties</c> is a schema.</summary>
    public JsonObject? MapValues => AdditionalProperties as JsonObject;

    /// <summary>
    /// Whether an object may hold properties it does not declare: a map (<c>additionalProperties</c> set), or
    /// a free-form object that declares nothing. An object that lists its properties may hold no others.
    /// </summary>
    public bool AllowsUndeclared => AdditionalProperties switch
    {
        JsonObject => true,
        JsonValue value => (bool?)value ?? false,
        _ => Properties.Count == 0,
    };
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace DockerApiGen.Contract.Tests.Validation;

/// <summary>
/// The shapes of JSON carried inside string parameters. The spec says only in prose that a value is JSON
/// (and not of what shape), so the shapes are written here, keyed by parameter name, from the spec's
/// descriptions and the engine API notes.
/// </summary>
public static class JsonEncodedShapes
{
    private static readonly Dictionary<string, (string Shape, Func<JsonNode?, bool> Fits, string Sample)> Shapes = new(StringComparer.Ordinal)
    {
        // A map of string to list of strings; the daemon also accepts a map of string to map of string to bool.
        ["filters"] = ("a map of string to list of strings", node => node is JsonObject map && map.All(e => IsStringList(e.Value) || IsMapOf(e.Value, IsBoolean)), """{"label":["a=b"]}"""),
        // Go's map[string]*string: a null value unsets an argument.
        ["buildargs"] = ("a map of string to string", node => IsMapOf(node, v => v is null || IsString(v)), """{"A":"1"}"""),
        ["labels"] = ("a map of string to string", node => IsMapOf(node, IsString), """{"a":"b"}"""),
        ["cachefrom"] = ("a list of strings", IsStringList, """["sample:latest"]"""),
        ["outputs"] = ("a list of {Type, Attrs} objects", node => node is JsonArray list && list.All(o => o is JsonObject output && IsString(output["Type"]) && (output["Attrs"] is null || IsMapOf(output["Attrs"], IsString))), """[{"Type":"moby","Attrs":{"type":"image"}}]"""),
        ["platform"] = ("an OCI platform object", IsPlatform, Platform),
        ["platforms"] = ("an OCI platform object", IsPlatform, Platform),
    };

    private const string Platform = """{"architecture":"amd64","os":"linux"}""";

    /// <summary>The names of the parameters whose JSON shape is known.</summary>
    public static IReadOnlyCollection<string> Names => Shapes.Keys;

    /// <summary>A valid value of a JSON-encoded parameter, for callers that must pass one as text.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <exception cref="KeyNotFoundException">No shape is known for the name.</exception>
    public static string Sample(string name) => Shapes[name].Sample;

    /// <summary>Checks the JSON text of a parameter; the problem as a sentence, or null when it fits.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">Its (decoded) value.</param>
    public static string? Check(string name, string value)
    {
        if (!Shapes.TryGetValue(name, out var shape))
        {
            return $"is JSON-encoded by its description, but the contract server knows no shape for '{name}' (add one to {nameof(JsonEncodedShapes)}).";
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(value);
        }
        catch (JsonException ex)
        {
            return $"'{value}' is not JSON ({ex.Message}); the spec says it is JSON-encoded {shape.Shape}.";
        }

        return shape.Fits(node) ? null : $"'{value}' is JSON, but not {shape.Shape}.";
    }

    // OCI platform: architecture, os, os.version, variant are strings; os.features is a list of strings.
    private static bool IsPlatform(JsonNode? node) => node is JsonObject platform && platform.All(e => IsString(e.Value) || IsStringList(e.Value));

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    private static bool IsBoolean(JsonNode? node) => node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    private static bool IsStringList(JsonNode? node) => node is JsonArray list && list.All(IsString);

    private static bool IsMapOf(JsonNode? node, Func<JsonNode?, bool> fits) => node is JsonObject map && map.All(e => fits(e.Value));
}

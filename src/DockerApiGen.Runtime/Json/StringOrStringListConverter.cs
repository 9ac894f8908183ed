using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockerApiGen.Runtime.Json;

/// <summary>
/// <c>Cmd</c> and <c>Entrypoint</c> are declared <c>["array", "string"]</c> up to API v1.34, and some
/// daemons (Podman) still send a plain string. This converter reads either form into a list (a string
/// becomes a one-element list) and always writes the array form, which every daemon accepts.
/// </summary>
public sealed class StringOrStringListConverter : JsonConverter<IList<string>>
{
    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override IList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return [reader.GetString()!];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected a string or an array of strings, found {reader.TokenType}.");
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(reader.GetString() ?? throw new JsonException("A command line cannot contain null."));
        }

        return list;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IList<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}

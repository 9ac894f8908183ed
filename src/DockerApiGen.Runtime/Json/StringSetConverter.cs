using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockerApiGen.Runtime.Json;

/// <summary>
/// Docker encodes sets of strings (<c>ExposedPorts</c>, <c>Volumes</c>) as objects whose values are
/// always empty objects: <c>{"80/tcp": {}}</c>. This converter maps that shape to an
/// <see cref="ISet{T}"/> of the keys and writes it back in the same shape.
/// </summary>
public sealed class StringSetConverter : JsonConverter<ISet<string>>
{
    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override ISet<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            // Tolerated for hand-written payloads: a plain list of the keys.
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                set.Add(reader.GetString() ?? throw new JsonException("A string set cannot contain null."));
            }

            return set;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object of empty objects for a string set, found {reader.TokenType}.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            set.Add(reader.GetString()!);
            reader.Read();
            reader.Skip(); // The value carries no information: it is always {} (or null from some daemons).
        }

        return set;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ISet<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var key in value)
        {
            writer.WritePropertyName(key);
            writer.WriteStartObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}

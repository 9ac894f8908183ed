using System.Text.Json;
using System.Text.Json.Serialization;
using DockerApiGen.Registry.Content;

namespace DockerApiGen.Registry.Json;

/// <summary>Reads and writes a <see cref="Digest"/> as its wire string; a malformed one fails with the reason.</summary>
public sealed class DigestJsonConverter : JsonConverter<Digest>
{
    /// <inheritdoc />
    public override Digest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a digest string (sha256:…), found {reader.TokenType}.");
        }

        return Digest.TryParse(reader.GetString(), out var digest, out var error) ? digest : throw new JsonException(error);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Digest value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}

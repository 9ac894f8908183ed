using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockerApiGen.Runtime.Json;

/// <summary>Reads and writes an <see cref="IOpenIntegerEnum{TSelf}"/> as a JSON number, whatever its value.</summary>
/// <typeparam name="T">The generated enumeration type.</typeparam>
public sealed class OpenIntegerEnumConverter<T> : JsonConverter<T>
    where T : struct, IOpenIntegerEnum<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"Expected a number for {typeof(T).Name}, found {reader.TokenType}.");
        }

        return T.FromValue(reader.GetInt64());
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Value);
    }
}

using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace DockerApiGen.Runtime.Versions;

/// <summary>A value of a JSON document that is newer than a version: where it is and which version introduced it.</summary>
/// <param name="Path">Its path: property names joined by dots, <c>[]</c> for list items, <c>[key]</c> for map values (<c>HostConfig.Mounts[].VolumeOptions.Subpath</c>).</param>
/// <param name="Since">The version that introduced it.</param>
public readonly record struct JsonShapeMatch(string Path, DockerApiVersion Since);

/// <summary>
/// Walks a JSON document with its <see cref="JsonShape"/> to find, or remove, the properties that are set (present:
/// generated models do not write null properties) and newer than a version. One forward pass with
/// <see cref="Utf8JsonReader"/>, descending only where the shape says something newer may be; nothing is allocated
/// unless something is found.
/// </summary>
public static class JsonShapeWalker
{
    // Longer property names (none in the specs) are looked up through a string.
    private const int StackNameLength = 128;

    /// <summary>The properties of <paramref name="json"/> that are newer than <paramref name="version"/>, in document order.</summary>
    /// <param name="json">A JSON document (UTF-8), as a generated model serializes.</param>
    /// <param name="shape">Its shape.</param>
    /// <param name="version">The version the values must exist in.</param>
    /// <exception cref="JsonException">The document is not JSON.</exception>
    public static IReadOnlyList<JsonShapeMatch> FindNewer(ReadOnlySpan<byte> json, JsonShape shape, DockerApiVersion version)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Newest <= version)
        {
            return [];
        }

        var reader = new Utf8JsonReader(json);
        if (!reader.Read())
        {
            return [];
        }

        List<JsonShapeMatch>? found = null;
        Find(ref reader, json, shape, version, ref found);
        return (IReadOnlyList<JsonShapeMatch>?)found ?? [];
    }

    /// <summary>A copy of <paramref name="json"/> without the properties that are newer than <paramref name="version"/>.</summary>
    /// <param name="json">A JSON document (UTF-8).</param>
    /// <param name="shape">Its shape.</param>
    /// <param name="version">The version the values must exist in.</param>
    /// <exception cref="JsonException">The document is not JSON.</exception>
    public static byte[] RemoveNewer(ReadOnlySpan<byte> json, JsonShape shape, DockerApiVersion version)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var buffer = new ArrayBufferWriter<byte>(Math.Max(json.Length, 16));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var reader = new Utf8JsonReader(json);
            if (reader.Read())
            {
                Copy(ref reader, json, writer, shape, version);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Find(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, JsonShape shape, DockerApiVersion version, ref List<JsonShapeMatch>? found)
    {
        switch (shape.Kind)
        {
            case JsonShapeKind.Object when reader.TokenType == JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var known = TryFind(ref reader, shape, out var property);
                    reader.Read();
                    if (known && property.Since > version)
                    {
                        (found ??= []).Add(new JsonShapeMatch(property.Name, property.Since));
                        reader.Skip();
                    }
                    else if (known && property.Value is { } inner && inner.Newest > version)
                    {
                        var before = found?.Count ?? 0;
                        Find(ref reader, json, inner, version, ref found);
                        Prefix(found, before, property.Name);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                break;
            case JsonShapeKind.Array when reader.TokenType == JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var before = found?.Count ?? 0;
                    Find(ref reader, json, shape.Inner!, version, ref found);
                    Prefix(found, before, "[]");
                }

                break;
            case JsonShapeKind.Map when reader.TokenType == JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    // The key is decoded only when something under it is found.
                    var key = reader.ValueIsEscaped ? reader.GetString() : null;
                    var keyStart = (int)reader.TokenStartIndex + 1;
                    var keyLength = reader.ValueSpan.Length;
                    reader.Read();
                    var before = found?.Count ?? 0;
                    Find(ref reader, json, shape.Inner!, version, ref found);
                    if (found is not null && found.Count > before)
                    {
                        Prefix(found, before, $"[{key ?? Encoding.UTF8.GetString(json.Slice(keyStart, keyLength))}]");
                    }
                }

                break;
            default:
                // null, or not the kind the shape expects: nothing inside to check.
                reader.Skip();
                break;
        }
    }

    private static void Copy(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Utf8JsonWriter writer, JsonShape? shape, DockerApiVersion version)
    {
        if (shape is null || shape.Newest <= version)
        {
            CopyRaw(ref reader, json, writer);
            return;
        }

        switch (shape.Kind)
        {
            case JsonShapeKind.Object when reader.TokenType == JsonTokenType.StartObject:
                writer.WriteStartObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var known = TryFind(ref reader, shape, out var property);
                    if (known && property.Since > version)
                    {
                        reader.Read();
                        reader.Skip();
                        continue;
                    }

                    WriteName(ref reader, writer);
                    reader.Read();
                    Copy(ref reader, json, writer, known ? property.Value : null, version);
                }

                writer.WriteEndObject();
                break;
            case JsonShapeKind.Array when reader.TokenType == JsonTokenType.StartArray:
                writer.WriteStartArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    Copy(ref reader, json, writer, shape.Inner, version);
                }

                writer.WriteEndArray();
                break;
            case JsonShapeKind.Map when reader.TokenType == JsonTokenType.StartObject:
                writer.WriteStartObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    WriteName(ref reader, writer);
                    reader.Read();
                    Copy(ref reader, json, writer, shape.Inner, version);
                }

                writer.WriteEndObject();
                break;
            default:
                CopyRaw(ref reader, json, writer);
                break;
        }
    }

    private static void CopyRaw(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Utf8JsonWriter writer)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        writer.WriteRawValue(json[start..(int)reader.BytesConsumed], skipInputValidation: true);
    }

    private static void WriteName(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        if (reader.ValueIsEscaped)
        {
            writer.WritePropertyName(reader.GetString()!);
        }
        else
        {
            writer.WritePropertyName(reader.ValueSpan);
        }
    }

    // Decodes the property name on the stack and looks it up without making a string. Not inlined, so the
    // stack buffer is released between properties.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryFind(ref Utf8JsonReader reader, JsonShape shape, out JsonShapeProperty property)
    {
        if (reader.ValueSpan.Length > StackNameLength)
        {
            return shape.TryGetProperty(reader.GetString(), out property);
        }

        Span<char> name = stackalloc char[StackNameLength];
        var length = reader.CopyString(name);
        return shape.TryGetProperty(name[..length], out property);
    }

    private static void Prefix(List<JsonShapeMatch>? found, int from, string segment)
    {
        for (var i = from; found is not null && i < found.Count; i++)
        {
            var rest = found[i].Path;
            found[i] = found[i] with { Path = rest.StartsWith('[') ? segment + rest : $"{segment}.{rest}" };
        }
    }
}

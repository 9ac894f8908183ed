using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DockerApiGen.Runtime.Streams;

/// <summary>
/// Reads a stream of JSON values, one after another (events, stats, build and pull progress: JSON lines
/// or values separated by white space), as they arrive, without buffering the stream.
/// </summary>
public static class JsonStream
{
    /// <summary>Yields each top-level JSON value of the stream; ends when the stream ends or on cancellation.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="stream">The response stream.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    public static async IAsyncEnumerable<T> ReadAsync<T>(Stream stream, JsonTypeInfo<T> typeInfo, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(typeInfo);
        await foreach (var item in JsonSerializer.DeserializeAsyncEnumerable(stream, typeInfo, topLevelValues: true, cancellationToken).ConfigureAwait(false))
        {
            if (item is not null)
            {
                yield return item;
            }
        }
    }
}

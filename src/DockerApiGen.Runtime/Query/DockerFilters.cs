using System.Text.Json;

namespace DockerApiGen.Runtime.Query;

/// <summary>
/// The <c>filters</c> query parameter: a map of filter name to values, sent as JSON
/// (<c>{"label":["a=b"],"status":["running"]}</c>). Adding the same name again adds a value.
/// </summary>
public sealed class DockerFilters
{
    private readonly SortedDictionary<string, List<string>> _filters = new(StringComparer.Ordinal);

    /// <summary>Whether no filter is set (then the parameter is left out).</summary>
    public bool IsEmpty => _filters.Count == 0;

    /// <summary>Adds values to a filter.</summary>
    /// <param name="name">The filter, e.g. <c>label</c>.</param>
    /// <param name="values">Its values.</param>
    /// <returns>This instance, for chaining.</returns>
    public DockerFilters Add(string name, params string[] values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(values);
        if (!_filters.TryGetValue(name, out var list))
        {
            _filters[name] = list = [];
        }

        list.AddRange(values);
        return this;
    }

    /// <summary>The JSON the daemon expects, names in ordinal order.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, values) in _filters)
            {
                json.WriteStartArray(name);
                foreach (var value in values)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => ToJson();
}

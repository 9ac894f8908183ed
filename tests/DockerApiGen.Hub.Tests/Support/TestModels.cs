using System.Text.Json.Serialization;

namespace DockerApiGen.Hub.Tests.Support;

/// <summary>A tag list page as the generated models will have it (<c>paginated_tags</c>: <c>page</c> plus <c>results</c>).</summary>
internal sealed class TagPage
{
    [JsonPropertyName("count")]
    public long? Count { get; set; }

    [JsonPropertyName("next")]
    public string? Next { get; set; }

    [JsonPropertyName("previous")]
    public string? Previous { get; set; }

    [JsonPropertyName("results")]
    public List<TagEntry>? Results { get; set; }
}

internal sealed class TagEntry
{
    [JsonPropertyName("id")]
    public long Id { get; set; }

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("full_size")]
    public long FullSize { get; set; }
}

/// <summary>Source-generated, as the generated client's context will be.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(TagPage))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}

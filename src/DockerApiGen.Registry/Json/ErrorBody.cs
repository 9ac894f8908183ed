using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockerApiGen.Registry.Json;

/// <summary>The wire form of a registry's error body.</summary>
internal sealed class ErrorBody
{
    [JsonPropertyName("errors")]
    public List<ErrorEntry>? Errors { get; set; }
}

/// <summary>One wire error.</summary>
internal sealed class ErrorEntry
{
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("detail")]
    public JsonElement? Detail { get; set; }
}

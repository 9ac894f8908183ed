using System.Text.Json.Nodes;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>The header fields a spec response declares, with their default or a sample value.</summary>
public static class ResponseHeaders
{
    /// <summary>The declared headers of a response.</summary>
    /// <param name="response">The spec's response node.</param>
    /// <param name="context">The request being answered.</param>
    public static IEnumerable<KeyValuePair<string, string>> Declared(JsonObject response, ResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (name, header) in response["headers"]?.AsObject() ?? [])
        {
            var value = header!["default"] ?? context.Samples.For(header);
            yield return new(name, value switch
            {
                JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
                _ => value?.ToString() ?? string.Empty,
            });
        }
    }
}

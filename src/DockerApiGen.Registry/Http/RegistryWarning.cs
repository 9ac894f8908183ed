namespace DockerApiGen.Registry.Http;

/// <summary>A warning a registry sent with an answer (<c>Warning: 299 - "…"</c>): a deprecation, a quota, to show to a person.</summary>
/// <param name="Registry">The registry, <c>host[:port]</c>.</param>
/// <param name="Text">The warning's text.</param>
public sealed record RegistryWarning(string Registry, string Text)
{
    /// <summary>The warnings of an answer: each <c>299</c> warning's quoted text (other codes are caches' and not for people).</summary>
    /// <param name="response">The answer.</param>
    public static IReadOnlyList<RegistryWarning> Read(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Headers.Warning.Count == 0)
        {
            return [];
        }

        var registry = response.RequestMessage?.RequestUri?.Authority ?? "";
        return response.Headers.Warning.Where(w => w.Code == 299).Select(w => new RegistryWarning(registry, Unquote(w.Text))).ToList();
    }

    private static string Unquote(string text)
        => text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : text;

    /// <inheritdoc />
    public override string ToString() => $"{Registry}: {Text}";
}

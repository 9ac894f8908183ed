namespace DockerApiGen.Registry.Http;

/// <summary>Reads one parameter of a URL's query.</summary>
internal static class QueryString
{
    public static string? Get(Uri uri, string name)
    {
        foreach (var part in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var partName = Uri.UnescapeDataString(equals < 0 ? part : part[..equals]);
            if (partName == name)
            {
                return equals < 0 ? "" : Uri.UnescapeDataString(part[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }
}

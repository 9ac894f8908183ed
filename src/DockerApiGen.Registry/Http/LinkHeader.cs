namespace DockerApiGen.Registry.Http;

/// <summary>
/// Reads RFC 8288 <c>Link</c> headers, as registries send them for paging: <c>&lt;/v2/_catalog?last=b&amp;n=2&gt;; rel="next"</c>.
/// Targets may be relative to the request; malformed entries are skipped, since a page is still usable without one.
/// </summary>
public static class LinkHeader
{
    /// <summary>One link: its target as written and its parameters (names lower-cased).</summary>
    /// <param name="Target">The URL between '&lt;' and '&gt;', possibly relative.</param>
    /// <param name="Parameters">The parameters, e.g. <c>rel</c> → <c>next</c>.</param>
    public sealed record Link(string Target, IReadOnlyDictionary<string, string> Parameters)
    {
        /// <summary>True when <c>rel</c> lists <paramref name="relation"/> (relations are space-separated, compared without case).</summary>
        /// <param name="relation">E.g. <c>next</c>.</param>
        public bool Has(string relation)
            => Parameters.TryGetValue("rel", out var rel) && rel.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(r => string.Equals(r, relation, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The links in one header value (which may hold several, comma-separated).</summary>
    /// <param name="value">The header value.</param>
    public static IReadOnlyList<Link> Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var links = new List<Link>();
        var i = 0;
        while (i < value.Length)
        {
            var open = value.IndexOf('<', i);
            if (open < 0)
            {
                break;
            }

            var close = value.IndexOf('>', open + 1);
            if (close < 0)
            {
                break;
            }

            var target = value[(open + 1)..close].Trim();
            var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            i = close + 1;
            while (i < value.Length)
            {
                while (i < value.Length && value[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i >= value.Length || value[i] == ',')
                {
                    i++;
                    break;
                }

                if (value[i] != ';')
                {
                    // Not a parameter: skip to the next link.
                    var comma = value.IndexOf(',', i);
                    i = comma < 0 ? value.Length : comma + 1;
                    break;
                }

                i++;
                var nameStart = i;
                while (i < value.Length && value[i] is not ('=' or ';' or ','))
                {
                    i++;
                }

                var name = value[nameStart..i].Trim();
                var parameterValue = "";
                if (i < value.Length && value[i] == '=')
                {
                    i++;
                    while (i < value.Length && value[i] is ' ' or '\t')
                    {
                        i++;
                    }

                    if (i < value.Length && value[i] == '"')
                    {
                        var endQuote = value.IndexOf('"', i + 1);
                        endQuote = endQuote < 0 ? value.Length : endQuote;
                        parameterValue = value[(i + 1)..endQuote];
                        i = Math.Min(endQuote + 1, value.Length);
                    }
                    else
                    {
                        var valueStart = i;
                        while (i < value.Length && value[i] is not (';' or ','))
                        {
                            i++;
                        }

                        parameterValue = value[valueStart..i].Trim();
                    }
                }

                if (name.Length > 0)
                {
                    parameters.TryAdd(name, parameterValue);
                }
            }

            links.Add(new Link(target, parameters));
        }

        return links;
    }

    /// <summary>
    /// The absolute URL of the answer's <c>rel="next"</c> link, resolved against the request's URL, or null when
    /// there is none.
    /// </summary>
    /// <param name="response">A page's answer.</param>
    public static Uri? FindNext(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        var baseUri = response.RequestMessage?.RequestUri;
        foreach (var value in values)
        {
            foreach (var link in Parse(value))
            {
                if (link.Has("next") && Resolve(baseUri, link.Target) is { } next)
                {
                    return next;
                }
            }
        }

        return null;
    }

    private static Uri? Resolve(Uri? baseUri, string target)
    {
        if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute;
        }

        return baseUri is not null && Uri.TryCreate(baseUri, target, out var resolved) ? resolved : null;
    }
}

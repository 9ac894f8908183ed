using System.Text.RegularExpressions;
using DockerApiGen.Contract.Tests.Spec;

namespace DockerApiGen.Contract.Tests.Validation;

/// <summary>What a request's method and path matched.</summary>
/// <param name="Operation">The operation, or null when nothing matched.</param>
/// <param name="PathValues">The decoded path parameters.</param>
public sealed record Route(SpecOperation? Operation, IReadOnlyDictionary<string, string> PathValues);

/// <summary>
/// Finds the operation of a request: method plus path under the spec's prefix (the Engine's <c>/v1.NN</c>; none for
/// the Hub, whose paths start with <c>/v2</c>), or, for the two requests a client sends to learn the daemon's
/// versions (<c>/_ping</c> and <c>/version</c>), without a prefix, as a daemon serves them. A path parameter matches
/// any non-empty text, slashes included, as the daemon's routes do (<c>{name:.*}</c>: an image name such as
/// <c>library/busybox</c> may arrive with its slash encoded or not).
/// </summary>
public sealed class OperationRouter
{
    private readonly ContractSpec _spec;
    private readonly List<(SpecOperation Operation, Regex Pattern, int LiteralLength)> _routes;

    /// <summary>Builds the routes of a spec.</summary>
    /// <param name="spec">The spec.</param>
    public OperationRouter(ContractSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _spec = spec;
        _routes = spec.Operations.Select(o => (o, Compile(o.PathTemplate), Regex.Replace(o.PathTemplate, "{[^}]+}", string.Empty).Length)).ToList();
    }

    /// <summary>Routes a request; what does not fit is reported.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="rawPath">The request's path, still percent-encoded.</param>
    /// <param name="violations">Where problems are reported.</param>
    public Route Match(string method, string rawPath, ICollection<Violation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var prefix = _spec.PathPrefix;
        if (prefix.Length > 0 && rawPath is "/_ping" or "/version")
        {
            prefix = string.Empty;
        }
        else if (!rawPath.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            violations.Add(new Violation("path", $"'{rawPath}' does not start with {prefix}/, the version this client is pinned to."));
            return new Route(null, new Dictionary<string, string>());
        }

        var path = rawPath[prefix.Length..];
        var candidates = _routes.Select(r => (r.Operation, Match: r.Pattern.Match(path), r.LiteralLength)).Where(c => c.Match.Success).ToList();
        if (candidates.Count == 0)
        {
            violations.Add(new Violation("path", $"'{path}' matches no path of the spec."));
            return new Route(null, new Dictionary<string, string>());
        }

        var sameMethod = candidates.Where(c => c.Operation.Method == method).ToList();
        if (sameMethod.Count == 0)
        {
            violations.Add(new Violation("method", $"{method} is not declared for '{path}'; the spec has {string.Join(", ", candidates.Select(c => $"{c.Operation.Method} {c.Operation.PathTemplate}"))}."));
            return new Route(null, new Dictionary<string, string>());
        }

        // The most literal template wins: GET /services/x/logs is ServiceLogs of x, not ServiceInspect of "x/logs".
        var best = sameMethod.MaxBy(c => c.LiteralLength);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in best.Match.Groups.Cast<Group>().Skip(1))
        {
            var decoded = QueryString.DecodePath(group.Value, violations);
            if (decoded is not null)
            {
                values[group.Name] = decoded;
            }
        }

        return new Route(best.Operation, values);
    }

    private static Regex Compile(string template)
    {
        var pattern = Regex.Replace(Regex.Escape(template), @"\\\{([^}]+)}", match => $"(?<{GroupName(match.Groups[1].Value)}>.+)");
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
    }

    // Parameter names are identifiers in every spec so far; anything else would break the group syntax.
    private static string GroupName(string parameter)
        => Regex.IsMatch(parameter, "^[A-Za-z_][A-Za-z0-9_]*$") ? parameter : throw new InvalidOperationException($"Path parameter '{parameter}' is not a plain name.");
}

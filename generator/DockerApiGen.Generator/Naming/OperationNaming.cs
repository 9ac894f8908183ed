using System.Text;
using System.Text.RegularExpressions;

namespace DockerApiGen.Generator.Naming;

/// <summary>
/// The name an operation gets from its method and path: the area it belongs to (a client's sub-client) and
/// the method's name there, such as <c>Repositories</c> and <c>ListTags</c> for
/// <c>GET /v2/namespaces/{namespace}/repositories/{repository}/tags</c>.
/// </summary>
/// <param name="Area">The area, PascalCase (<c>Repositories</c>).</param>
/// <param name="Name">The method name without <c>Async</c> (<c>ListTags</c>).</param>
public sealed record OperationName(string Area, string Name)
{
    /// <summary>
    /// The operation id built from the name when the spec gives none: the area's noun in the singular, then the
    /// name (<c>RepositoryListTags</c>), as the Engine's ids read (<c>ContainerList</c>). Inline schemas of the
    /// operation are named after it (<c>RepositoryListTagsResponse</c>).
    /// </summary>
    public string OperationId => OperationNaming.Singular(Area) + Name;
}

/// <summary>
/// Derives <see cref="OperationName"/>s from method and path, deterministically, for operations without an
/// <c>operationId</c> (most of the Docker Hub API's). The rules, on the path's segments without version
/// segments (<c>v2</c>, <c>2.0</c>):
/// <list type="bullet">
/// <item>the last literal segment is the resource; the area is the nearest literal before it that is followed by a
/// parameter (the resource's owner: <c>repositories/{repository}</c>), else the literal just before it, else the
/// resource itself;</item>
/// <item>the name is a verb, then the literals after the area up to the resource (the last one in the singular when
/// one item is meant): <c>GET</c> of a collection → <c>List</c>, <c>GET</c> of an item (the path ends in a
/// parameter) → <c>Get</c>, <c>HEAD</c> → <c>Check</c>, <c>POST</c> → <c>Create</c> (singular), <c>PUT</c> →
/// <c>Replace</c>, <c>PATCH</c> → <c>Update</c>, <c>DELETE</c> → <c>Delete</c>;</item>
/// <item>where the resource is the area itself, the name is the verb alone (<c>AccessTokens.Create</c>).</item>
/// </list>
/// What no rule reads well (<c>PATCH /v2/invites/{id}/resend</c> → <c>UpdateResend</c>) is named in the family's
/// <c>operations.yaml</c> (<see cref="OperationNameOverrides"/>).
/// </summary>
public static partial class OperationNaming
{
    /// <summary>Derives the name of an operation from its method and path.</summary>
    /// <param name="method">The HTTP method, any case.</param>
    /// <param name="path">The path template, e.g. <c>/v2/access-tokens/{uuid}</c>.</param>
    public static OperationName FromPath(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => !VersionSegment().IsMatch(s)).ToList();
        var literals = new List<(string Text, bool Addressed)>();
        foreach (var segment in segments)
        {
            if (IsParameter(segment))
            {
                if (literals.Count > 0)
                {
                    literals[^1] = literals[^1] with { Addressed = true };
                }
            }
            else
            {
                literals.Add((segment, false));
            }
        }

        var isItem = segments.Count > 0 && IsParameter(segments[^1]);
        var verb = method.ToUpperInvariant() switch
        {
            "GET" => isItem ? "Get" : "List",
            "HEAD" => "Check",
            "POST" => "Create",
            "PUT" => "Replace",
            "PATCH" => "Update",
            "DELETE" => "Delete",
            "OPTIONS" => "GetOptions",
            var other => Words(other.ToLowerInvariant()),
        };
        if (literals.Count == 0)
        {
            return new OperationName("Root", verb);
        }

        var owner = literals.Count < 2 ? -1 : literals.FindLastIndex(literals.Count - 2, l => l.Addressed);
        var areaIndex = owner >= 0 ? owner : Math.Max(0, literals.Count - 2);
        var area = Identifiers.ToPascalCase(literals[areaIndex].Text);
        if (area.Length == 0)
        {
            area = "Root";
        }

        var noun = new StringBuilder();
        for (var i = areaIndex + 1; i < literals.Count; i++)
        {
            var word = Words(literals[i].Text);
            noun.Append(i == literals.Count - 1 && (isItem || verb == "Create") ? Singular(word) : word);
        }

        return new OperationName(area, verb + noun);
    }

    /// <summary>
    /// The singular of a PascalCase noun, changing only its last word: <c>Repositories</c> → <c>Repository</c>,
    /// <c>AccessTokens</c> → <c>AccessToken</c>, <c>Statuses</c> → <c>Status</c>; words not in the plural stay.
    /// </summary>
    /// <param name="noun">The noun.</param>
    public static string Singular(string noun)
    {
        ArgumentNullException.ThrowIfNull(noun);
        if (noun.EndsWith("ies", StringComparison.Ordinal) && noun.Length > 3)
        {
            return noun[..^3] + "y";
        }

        foreach (var ending in new[] { "sses", "shes", "ches", "xes", "zes", "uses" })
        {
            if (noun.EndsWith(ending, StringComparison.Ordinal))
            {
                return noun[..^2];
            }
        }

        return noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal) && !noun.EndsWith("us", StringComparison.Ordinal) && !noun.EndsWith("is", StringComparison.Ordinal) && noun.Length > 1
            ? noun[..^1]
            : noun;
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

    /// <summary>PascalCase words of a segment, without the leading-digit guard (the verb comes first).</summary>
    private static string Words(string segment)
    {
        var pascal = Identifiers.ToPascalCase(segment);
        return segment.FirstOrDefault(char.IsAsciiLetterOrDigit) is var first && char.IsAsciiDigit(first) ? pascal[1..] : pascal;
    }

    [GeneratedRegex(@"^[vV]?[0-9]+(\.[0-9]+)*$")]
    private static partial Regex VersionSegment();
}

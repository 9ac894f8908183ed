namespace DockerApiGen.Generator.Loading;

/// <summary>A position in a source file.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourcePosition(int Line, int Column);

/// <summary>
/// Maps each JSON pointer of a loaded spec back to the line and column of the YAML node it came from,
/// so that problems found in later stages (a dangling <c>$ref</c>, a name clash) name the line to fix.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    /// <summary>Creates an empty map for a file.</summary>
    /// <param name="file">The file the positions are in.</param>
    public SourceMap(string file) => File = file;

    /// <summary>The file the positions are in.</summary>
    public string File { get; }

    /// <summary>Records where a pointer's node starts.</summary>
    /// <param name="pointer">The JSON pointer.</param>
    /// <param name="position">Where its node starts.</param>
    public void Add(string pointer, SourcePosition position) => _positions[pointer] = position;

    /// <summary>Makes the positions of a node and everything below it known under a new pointer too (a renamed key).</summary>
    /// <param name="from">The node's old pointer.</param>
    /// <param name="to">Its new pointer.</param>
    public void CopySubtree(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        foreach (var (pointer, position) in _positions.Where(p => p.Key == from || p.Key.StartsWith(from + "/", StringComparison.Ordinal)).ToList())
        {
            _positions[to + pointer[from.Length..]] = position;
        }
    }

    /// <summary>
    /// Finds where a pointer's node starts; for a pointer the map does not know (a node added by a patch),
    /// the nearest ancestor that it does.
    /// </summary>
    /// <param name="pointer">The JSON pointer.</param>
    public SourcePosition? Find(string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            var slash = current.LastIndexOf('/');
            if (slash < 0)
            {
                return null;
            }

            current = current[..slash];
        }
    }

    /// <summary>Escapes one reference token for a JSON pointer (RFC 6901).</summary>
    /// <param name="token">The raw token.</param>
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Unescapes one reference token of a JSON pointer (RFC 6901).</summary>
    /// <param name="token">The escaped token.</param>
    public static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}

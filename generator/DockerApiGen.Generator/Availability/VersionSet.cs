namespace DockerApiGen.Generator.Availability;

/// <summary>
/// A set of locked versions, by their index in the lock's ascending order. Immutable; small (one bit per version).
/// </summary>
public sealed class VersionSet : IEquatable<VersionSet>
{
    private readonly ulong[] _bits;

    private VersionSet(ulong[] bits) => _bits = bits;

    /// <summary>The set of the given indexes.</summary>
    /// <param name="indexes">Version indexes (0 = the first locked version).</param>
    public static VersionSet Of(IEnumerable<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        var list = indexes.ToList();
        var bits = new ulong[list.Count == 0 ? 0 : (list.Max() / 64) + 1];
        foreach (var index in list)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            bits[index / 64] |= 1UL << (index % 64);
        }

        return new VersionSet(bits);
    }

    /// <summary>Parses the form <see cref="ToString"/> writes: runs such as <c>0-12,15-30</c> (empty for none).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not such a list.</exception>
    public static VersionSet Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var indexes = new List<int>();
        foreach (var run in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = run.Split('-');
            if (ends.Length is not (1 or 2) || !int.TryParse(ends[0], out var start) || !int.TryParse(ends[^1], out var end) || start < 0 || end < start)
            {
                throw new FormatException($"'{text}' is not a list of version index runs.");
            }

            indexes.AddRange(Enumerable.Range(start, end - start + 1));
        }

        return Of(indexes);
    }

    /// <summary>Whether the set holds an index.</summary>
    /// <param name="index">The version index.</param>
    public bool Contains(int index) => index >= 0 && index / 64 < _bits.Length && (_bits[index / 64] & (1UL << (index % 64))) != 0;

    /// <summary>The indexes in ascending order.</summary>
    public IEnumerable<int> Indexes => Enumerable.Range(0, _bits.Length * 64).Where(Contains);

    /// <summary>The uninterrupted runs, in order.</summary>
    public IReadOnlyList<(int Start, int End)> Runs
    {
        get
        {
            var runs = new List<(int, int)>();
            int? start = null;
            var last = -2;
            foreach (var index in Indexes)
            {
                if (start is null || index != last + 1)
                {
                    if (start is { } open)
                    {
                        runs.Add((open, last));
                    }

                    start = index;
                }

                last = index;
            }

            if (start is { } tail)
            {
                runs.Add((tail, last));
            }

            return runs;
        }
    }

    /// <summary>The run that holds <paramref name="index"/>, if any.</summary>
    /// <param name="index">The version index.</param>
    public (int Start, int End)? RunOf(int index)
    {
        if (!Contains(index))
        {
            return null;
        }

        var start = index;
        while (Contains(start - 1))
        {
            start--;
        }

        var end = index;
        while (Contains(end + 1))
        {
            end++;
        }

        return (start, end);
    }

    /// <inheritdoc />
    public bool Equals(VersionSet? other) => other is not null && Indexes.SequenceEqual(other.Indexes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as VersionSet);

    /// <inheritdoc />
    public override int GetHashCode() => Indexes.Aggregate(17, (hash, index) => (hash * 31) + index);

    /// <summary>The runs as text: <c>0-12,15-30</c>.</summary>
    public override string ToString() => string.Join(',', Runs.Select(r => r.Start == r.End ? $"{r.Start}" : $"{r.Start}-{r.End}"));
}

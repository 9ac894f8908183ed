namespace DockerApiGen.Generator.Diffing;

/// <summary>The changes between two versions, after the ignore file.</summary>
/// <param name="From">The older version's label (e.g. <c>1.41</c>).</param>
/// <param name="To">The newer version's label.</param>
/// <param name="Changes">The changes that count.</param>
/// <param name="Ignored">How many changes the ignore file accepted.</param>
public sealed record DiffReport(string From, string To, IReadOnlyList<ApiChange> Changes, int Ignored)
{
    /// <summary>The API's name in headings (the spec family's title: <c>Engine API</c>, <c>Hub API</c>).</summary>
    public string ApiTitle { get; init; } = "API";

    /// <summary>How the older side is shown: <c>v1.41</c> for an API version, <c>2024-08</c> for a dated snapshot, a file's name.</summary>
    public string FromLabel { get; init; } = "v" + From;

    /// <summary>How the newer side is shown.</summary>
    public string ToLabel { get; init; } = "v" + To;

    /// <summary>How many changes have a level.</summary>
    /// <param name="level">The level.</param>
    public int Count(ChangeLevel level) => Changes.Count(c => c.Level == level);

    /// <summary>Whether any change is at or above a level (breaking is the highest).</summary>
    /// <param name="level">The threshold.</param>
    public bool HasAtLeast(ChangeLevel level) => Changes.Any(c => c.Level <= level);
}

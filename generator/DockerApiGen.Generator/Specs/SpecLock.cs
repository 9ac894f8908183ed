using DockerApiGen.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DockerApiGen.Generator.Specs;

/// <summary>One pinned spec: which version, where upstream keeps it, and the sha256 it must have.</summary>
/// <param name="Version">The API version.</param>
/// <param name="Url">The upstream address of the file (at a fixed commit).</param>
/// <param name="Sha256">The lower-case hex sha256 of the file's bytes.</param>
public sealed record SpecLockEntry(ApiVersion Version, Uri Url, string Sha256);

/// <summary>The spec lock file (<c>specs/spec-lock.yaml</c>): every version the project generates from.</summary>
/// <param name="Path">Where the lock was read from.</param>
/// <param name="Entries">The entries, ordered by version.</param>
public sealed record SpecLock(string Path, IReadOnlyList<SpecLockEntry> Entries)
{
    /// <summary>Finds the entry for a version.</summary>
    /// <param name="version">The version wanted.</param>
    /// <exception cref="GenerationException">The lock has no such version.</exception>
    public SpecLockEntry Get(ApiVersion version)
        => Entries.FirstOrDefault(e => e.Version == version)
            ?? throw new GenerationException(new SpecProblem(
                Path, null, null, null,
                $"Version {version} is not in the spec lock (it has {Entries[0].Version}–{Entries[^1].Version}).",
                $"Add it with `dockerapigen add-version {version} --source DIR`."));

    /// <summary>Reads and checks a lock file.</summary>
    /// <param name="path">The lock file.</param>
    /// <exception cref="GenerationException">The file is missing or malformed.</exception>
    public static SpecLock Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new GenerationException(new SpecProblem(path, null, null, null, "The spec lock file does not exist.", "Run the command from the repository root or pass --repo."));
        }

        LockFile? file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
                .Deserialize<LockFile>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new GenerationException(new SpecProblem(path, (int)ex.Start.Line, (int)ex.Start.Column, null, $"The lock file is not valid: {ex.InnerException?.Message ?? ex.Message}"));
        }

        var problems = new List<SpecProblem>();
        var entries = new List<SpecLockEntry>();
        foreach (var (item, index) in (file?.Versions ?? []).Select((item, index) => (item, index)))
        {
            var where = $"/versions/{index}";
            if (!ApiVersion.TryParse(item.Version, out var version))
            {
                problems.Add(new SpecProblem(path, null, null, where, $"'{item.Version}' is not a version such as 1.41."));
                continue;
            }

            if (!Uri.TryCreate(item.Url, UriKind.Absolute, out var url))
            {
                problems.Add(new SpecProblem(path, null, null, where, $"Version {version} has no valid absolute url."));
                continue;
            }

            if (item.Sha256 is not { Length: 64 } hash || !hash.All(Uri.IsHexDigit))
            {
                problems.Add(new SpecProblem(path, null, null, where, $"Version {version} has no valid sha256 (64 hex digits)."));
                continue;
            }

            entries.Add(new SpecLockEntry(version, url, hash.ToLowerInvariant()));
        }

        foreach (var duplicate in entries.GroupBy(e => e.Version).Where(g => g.Count() > 1))
        {
            problems.Add(new SpecProblem(path, null, null, null, $"Version {duplicate.Key} is listed {duplicate.Count()} times."));
        }

        if (entries.Count == 0 && problems.Count == 0)
        {
            problems.Add(new SpecProblem(path, null, null, null, "The lock lists no versions."));
        }

        return problems.Count > 0
            ? throw new GenerationException(problems)
            : new SpecLock(path, entries.OrderBy(e => e.Version).ToList());
    }

    /// <summary>Appends an entry to the lock file on disk, keeping its comments and layout.</summary>
    /// <param name="entry">The new entry; its version must not be in the lock yet.</param>
    /// <returns>The lock with the entry added.</returns>
    public SpecLock Append(SpecLockEntry entry)
    {
        var appended = WithEntry(entry);
        var text = File.ReadAllText(Path);
        if (!text.EndsWith('\n'))
        {
            text += "\n";
        }

        text += $"  - version: \"{entry.Version}\"\n    url: {entry.Url}\n    sha256: {entry.Sha256}\n";
        AtomicFile.WriteAllText(Path, text);
        return appended;
    }

    /// <summary>The lock with one more entry, in memory only (nothing is written).</summary>
    /// <param name="entry">The new entry.</param>
    /// <exception cref="GenerationException">The version is already locked.</exception>
    public SpecLock WithEntry(SpecLockEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Entries.Any(e => e.Version == entry.Version))
        {
            throw new GenerationException(new SpecProblem(Path, null, null, null, $"Version {entry.Version} is already in the spec lock."));
        }

        return this with { Entries = [.. Entries.Append(entry).OrderBy(e => e.Version)] };
    }

    private sealed class LockFile
    {
        public List<LockItem> Versions { get; set; } = [];
    }

    private sealed class LockItem
    {
        public string? Version { get; set; }

        public string? Url { get; set; }

        public string? Sha256 { get; set; }
    }
}

using DockerApiGen.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DockerApiGen.Generator.Specs;

/// <summary>
/// One pinned spec: which version, where upstream keeps it, and the sha256 it must have; or, for a document
/// the project writes itself, the file in the repository (<see cref="LocalPath"/>), which git pins instead.
/// </summary>
/// <param name="Version">The version.</param>
/// <param name="Url">The upstream address of the file (at a fixed commit); a <c>file:</c> url for a repository file.</param>
/// <param name="Sha256">The lower-case hex sha256 of the file's bytes; empty for a repository file.</param>
public sealed record SpecLockEntry(ApiVersion Version, Uri Url, string Sha256)
{
    /// <summary>The absolute path of a document kept in the repository (<c>path:</c> in the lock), or null for a pulled spec.</summary>
    public string? LocalPath { get; init; }

    /// <summary>Whether the spec is a file of the repository rather than a pinned upstream file.</summary>
    public bool IsInRepository => LocalPath is not null;

    /// <summary>An entry for a document the project writes itself.</summary>
    /// <param name="version">The version the document describes.</param>
    /// <param name="path">The file's absolute path.</param>
    public static SpecLockEntry InRepository(ApiVersion version, string path)
        => new(version, new Uri(System.IO.Path.GetFullPath(path)), string.Empty) { LocalPath = System.IO.Path.GetFullPath(path) };
}

/// <summary>
/// A family's spec lock (<c>specs/&lt;family&gt;/spec-lock.yaml</c>): every version the project generates from.
/// Each entry has either <c>url</c> and <c>sha256</c> (a published spec, pulled and verified), or <c>path</c>
/// (a document written in this repository, relative to the lock's folder; git is its pin).
/// </summary>
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
                Entries.Count == 0 ? $"Version {version} is not in the spec lock, which is empty." : $"Version {version} is not in the spec lock (it has {Entries[0].Version}–{Entries[^1].Version}).",
                $"Add it with `dockerapigen add-version {version} --source DIR{FamilyOption}`."));

    /// <summary>How the version scheme of this lock's family writes versions.</summary>
    public VersionScheme Scheme { get; init; }

    /// <summary>The <c>--family</c> option that commands about this lock need (empty for the default family).</summary>
    public string FamilyOption { get; init; } = string.Empty;

    /// <summary>Reads and checks a lock file of API version numbers.</summary>
    /// <param name="path">The lock file.</param>
    /// <exception cref="GenerationException">The file is missing or malformed.</exception>
    public static SpecLock Load(string path) => Load(path, VersionScheme.Number);

    /// <summary>Reads and checks a lock file.</summary>
    /// <param name="path">The lock file.</param>
    /// <param name="scheme">How the family writes versions.</param>
    /// <exception cref="GenerationException">The file is missing or malformed.</exception>
    public static SpecLock Load(string path, VersionScheme scheme)
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
        var example = scheme == VersionScheme.Number ? "1.41" : "2024-08";
        foreach (var (item, index) in (file?.Versions ?? []).Select((item, index) => (item, index)))
        {
            var where = $"/versions/{index}";
            if (!ApiVersion.TryParse(item.Version, scheme, out var version))
            {
                problems.Add(new SpecProblem(path, null, null, where, $"'{item.Version}' is not a version such as {example}."));
                continue;
            }

            if (item.Path is { } local)
            {
                if (item.Url is not null || item.Sha256 is not null)
                {
                    problems.Add(new SpecProblem(path, null, null, where, $"Version {version} has a `path` and also `url` or `sha256`.", "A repository file is pinned by git: give either `path` alone, or `url` and `sha256`."));
                    continue;
                }

                if (System.IO.Path.IsPathRooted(local) || local.Split('/', '\\').Contains(".."))
                {
                    problems.Add(new SpecProblem(path, null, null, where, $"Version {version}'s path '{local}' leaves the family's folder.", "Give the document's path relative to the folder of the lock, inside it."));
                    continue;
                }

                entries.Add(SpecLockEntry.InRepository(version, System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, local)));
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
            : new SpecLock(path, entries.OrderBy(e => e.Version).ToList()) { Scheme = scheme };
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

        if (entry.IsInRepository)
        {
            throw new GenerationException(new SpecProblem(Path, null, null, null, $"Version {entry.Version} is a repository file; add its entry (`path:`) by hand."));
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

        public string? Path { get; set; }
    }
}

using System.Security.Cryptography;
using DockerApiGen.Generator.Diagnostics;

namespace DockerApiGen.Generator.Specs;

/// <summary>
/// The git-ignored folder of a family (<c>.cache/specs</c> for the Engine) that holds pulled specs. A file is
/// only ever there whole and with its pinned hash: <see cref="PullAsync"/> verifies everything before writing
/// anything. Documents kept in the repository are never copied here: they are read where they are.
/// </summary>
/// <param name="Folder">The cache folder.</param>
public sealed record SpecCache(string Folder)
{
    /// <summary>The cached path of a version's spec.</summary>
    /// <param name="version">The version.</param>
    public string PathOf(ApiVersion version) => System.IO.Path.Combine(Folder, version.SpecFileName);

    /// <summary>Where an entry's spec is read from: the repository file, or the cached copy.</summary>
    /// <param name="entry">The lock entry.</param>
    public string PathOf(SpecLockEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.LocalPath ?? PathOf(entry.Version);
    }

    /// <summary>Computes the lower-case hex sha256 of bytes.</summary>
    /// <param name="bytes">The bytes.</param>
    public static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Whether the cache holds the entry's file with the pinned hash.</summary>
    /// <param name="entry">The lock entry.</param>
    public bool IsValid(SpecLockEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.IsInRepository)
        {
            return File.Exists(entry.LocalPath);
        }

        var path = PathOf(entry.Version);
        return File.Exists(path) && Sha256Of(File.ReadAllBytes(path)) == entry.Sha256;
    }

    /// <summary>
    /// Fetches entries from a source, verifies every hash, and only then writes them to the cache.
    /// Entries already cached with the right hash are not fetched again unless <paramref name="force"/>.
    /// </summary>
    /// <param name="entries">The entries to pull.</param>
    /// <param name="source">Where to fetch from.</param>
    /// <param name="force">Fetch even entries already cached.</param>
    /// <param name="cancellationToken">Cancels the pull; nothing is written then.</param>
    /// <returns>What happened to each entry.</returns>
    /// <exception cref="GenerationException">Any entry could not be fetched or has the wrong hash.</exception>
    public async Task<IReadOnlyList<PullResult>> PullAsync(IReadOnlyList<SpecLockEntry> entries, SpecSource source, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(source);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var fetched = new List<(SpecLockEntry Entry, byte[] Bytes)>();
        var results = new List<PullResult>();
        var problems = new List<SpecProblem>();
        foreach (var entry in entries)
        {
            if (entry.IsInRepository)
            {
                // Written here, pinned by git: nothing to fetch or verify, but it must be there.
                if (File.Exists(entry.LocalPath))
                {
                    results.Add(new PullResult(entry.Version, PullOutcome.InRepository, entry.LocalPath!));
                }
                else
                {
                    problems.Add(new SpecProblem(
                        entry.LocalPath!, null, null, null,
                        $"The lock points version {entry.Version} at a document in the repository, which does not exist.",
                        "Write the document there, or correct its `path` in the family's spec-lock.yaml."));
                }

                continue;
            }

            if (!force && IsValid(entry))
            {
                results.Add(new PullResult(entry.Version, PullOutcome.AlreadyCached, PathOf(entry.Version)));
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = await source.ReadAsync(entry, http, cancellationToken).ConfigureAwait(false);
            }
            catch (GenerationException ex)
            {
                problems.AddRange(ex.Problems);
                continue;
            }

            var actual = Sha256Of(bytes);
            if (actual != entry.Sha256)
            {
                problems.Add(new SpecProblem(
                    source.Describe(entry), null, null, null,
                    $"The spec of version {entry.Version} has sha256 {actual}, but the lock pins {entry.Sha256}.",
                    "The file differs from the pinned one: use a mirror of the pinned commit, or re-pin deliberately with add-version after reviewing the change."));
                continue;
            }

            fetched.Add((entry, bytes));
        }

        if (problems.Count > 0)
        {
            throw new GenerationException(problems);
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var (entry, bytes) in fetched)
        {
            AtomicFile.WriteAllBytes(PathOf(entry.Version), bytes);
            results.Add(new PullResult(entry.Version, PullOutcome.Fetched, PathOf(entry.Version)));
        }

        return results.OrderBy(r => r.Version).ToList();
    }
}

/// <summary>What <see cref="SpecCache.PullAsync"/> did with one version.</summary>
public enum PullOutcome
{
    /// <summary>The cache already held the file with the pinned hash.</summary>
    AlreadyCached,

    /// <summary>The file was fetched, verified and written.</summary>
    Fetched,

    /// <summary>The spec is a document of the repository, read where it is.</summary>
    InRepository,
}

/// <summary>The outcome of pulling one version.</summary>
/// <param name="Version">The version.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="CachePath">Where the verified file now is (the repository file for a document written here).</param>
public sealed record PullResult(ApiVersion Version, PullOutcome Outcome, string CachePath);

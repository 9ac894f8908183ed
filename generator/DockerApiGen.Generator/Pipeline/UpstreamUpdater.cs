using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Upstream;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>What upstream offers compared with the lock.</summary>
/// <param name="Snapshot">What upstream holds at the scanned commit.</param>
/// <param name="LockedLatest">The newest version in the lock.</param>
/// <param name="Newer">The versions upstream has that are newer than the lock, oldest first.</param>
public sealed record UpstreamStatus(UpstreamSnapshot Snapshot, ApiVersion LockedLatest, IReadOnlyList<UpstreamSpec> Newer);

/// <summary>
/// <c>upstream</c>: finds the versions upstream has that are newer than the lock, and on request adds each
/// with <see cref="VersionAdder"/>, pinning the address it was found at (at the scanned commit).
/// </summary>
public static class UpstreamUpdater
{
    /// <summary>Scans upstream and compares with the lock.</summary>
    /// <param name="layout">The repository.</param>
    /// <param name="repository">Where upstream is.</param>
    /// <param name="reference">The ref to scan (<c>master</c>).</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    public static async Task<UpstreamStatus> CheckAsync(RepositoryLayout layout, UpstreamRepository repository, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var specLock = SpecLock.Load(layout.SpecLockPath);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var snapshot = await UpstreamScanner.ScanAsync(repository, reference, http, cancellationToken).ConfigureAwait(false);
        var latest = specLock.Entries[^1].Version;
        return new UpstreamStatus(snapshot, latest, snapshot.Specs.Where(s => s.Version > latest).ToList());
    }

    /// <summary>
    /// Adds every newer version, oldest first, each read from and pinned to its upstream address. Each
    /// addition is whole or not at all; the first that fails stops the rest (those before it stay added).
    /// </summary>
    /// <param name="layout">The repository.</param>
    /// <param name="status">The result of <see cref="CheckAsync"/>.</param>
    /// <param name="added">Called after each version is added (for progress output).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task<IReadOnlyList<AddVersionResult>> AddNewerAsync(RepositoryLayout layout, UpstreamStatus status, Action<AddVersionResult>? added, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var results = new List<AddVersionResult>();
        foreach (var spec in status.Newer)
        {
            var result = await VersionAdder.AddAsync(layout, spec.Version, new SpecSource.FileUrlSource(spec.Url), spec.Url, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            added?.Invoke(result);
        }

        return results;
    }
}

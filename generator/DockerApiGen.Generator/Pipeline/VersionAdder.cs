using System.Diagnostics;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Surface;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>What <see cref="VersionAdder"/> did.</summary>
/// <param name="Entry">The new lock entry.</param>
/// <param name="Output">The generated version.</param>
/// <param name="ProjectWritten">Whether a package project was written under <c>src/</c> (the version is in the committed range).</param>
/// <param name="AddedToSolution">Whether the project was added to the solution.</param>
/// <param name="Remarked">Committed older versions whose availability markers the new version changed (what it removes or deprecates): their code and surface snapshots were rewritten.</param>
public sealed record AddVersionResult(SpecLockEntry Entry, VersionOutput Output, bool ProjectWritten, bool AddedToSolution, IReadOnlyList<ApiVersion> Remarked);

/// <summary>
/// <c>add-version</c>: takes a new spec from a source, generates and compiles it in memory, and only when
/// that succeeds writes the lock entry, the project, its generated code, the surface snapshot, and adds the
/// project to the solution. The new version also tells older packages what it removes or deprecates (their
/// availability markers), so the committed packages whose code changes are regenerated, recompiled and their
/// snapshots rewritten too.
/// </summary>
public static class VersionAdder
{
    /// <summary>Adds a version.</summary>
    /// <param name="layout">The repository.</param>
    /// <param name="version">The new version.</param>
    /// <param name="source">Where the spec is (a mirror folder or url, or upstream).</param>
    /// <param name="upstreamUrl">The upstream url to pin; by default the previous entry's url with the file name changed.</param>
    /// <param name="cancellationToken">Cancels the work; nothing is written then.</param>
    /// <exception cref="GenerationException">The version exists, the spec cannot be had, or it does not generate.</exception>
    public static async Task<AddVersionResult> AddAsync(RepositoryLayout layout, ApiVersion version, SpecSource source, Uri? upstreamUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(source);
        var inputs = GeneratorInputs.Load(layout);
        if (inputs.Lock.Entries.Any(e => e.Version == version))
        {
            throw new GenerationException(new SpecProblem(layout.SpecLockPath, null, null, null, $"Version {version} is already in the spec lock.", "To regenerate it, run `dockerapigen generate`."));
        }

        var url = upstreamUrl ?? DeriveUrl(inputs.Lock, version);
        var provisional = new SpecLockEntry(version, url, new string('0', 64));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var bytes = await source.ReadAsync(provisional, http, cancellationToken).ConfigureAwait(false);
        var entry = provisional with { Sha256 = SpecCache.Sha256Of(bytes) };

        // The cache only ever holds a file under its own hash, so writing it before generation is safe.
        await inputs.Cache.PullAsync([entry], new BytesSource(bytes), force: true, cancellationToken).ConfigureAwait(false);
        // Generation sees the new entry in memory; the lock file is written only once everything generated.
        var updatedInputs = inputs with { Lock = inputs.Lock.WithEntry(entry) };
        var run = new GenerationRun(updatedInputs);
        // The markers are computed from every locked spec: any the cache lacks come from the same source.
        await run.EnsureSpecsAsync(inputs.Lock.Entries, source, cancellationToken).ConfigureAwait(false);
        var output = (await run.GenerateAsync([entry], compile: true, cancellationToken).ConfigureAwait(false))[0];

        // Older committed packages whose markers change (a removal or deprecation in the new version).
        var older = updatedInputs.CommittedEntries.Where(e => e.Version != version).ToList();
        var regenerated = await run.GenerateAsync(older, compile: false, cancellationToken).ConfigureAwait(false);
        var remarked = regenerated.Where(o => run.CheckDrift([o]).Count > 0).Select(o => updatedInputs.Lock.Get(o.Model.Version)).ToList();
        var recompiled = remarked.Count == 0 ? [] : await run.GenerateAsync(remarked, compile: true, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        inputs.Lock.Append(entry);
        var committed = updatedInputs.Config.CommittedVersions.Contains(version);
        var addedToSolution = false;
        run.Write([.. recompiled, .. committed ? [output] : Array.Empty<VersionOutput>()]);
        if (committed)
        {
            addedToSolution = AddToSolution(layout, version);
        }

        var snapshots = new SurfaceSnapshots(layout.SnapshotsFolder);
        snapshots.WriteVerified(version, output.Surface!);
        foreach (var other in recompiled)
        {
            snapshots.WriteVerified(other.Model.Version, other.Surface!);
        }

        return new AddVersionResult(entry, output, committed, addedToSolution, remarked.Select(e => e.Version).ToList());
    }

    private static Uri DeriveUrl(SpecLock specLock, ApiVersion version)
    {
        var last = specLock.Entries[^1].Url.ToString();
        var slash = last.LastIndexOf('/');
        return new Uri(last[..(slash + 1)] + version.SpecFileName);
    }

    private static bool AddToSolution(RepositoryLayout layout, ApiVersion version)
    {
        if (!File.Exists(layout.SolutionPath))
        {
            return false;
        }

        var project = Path.Combine(layout.ProjectFolder(version), $"DockerApiGen.Engine.{version.Identifier}.csproj");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["sln", layout.SolutionPath, "add", "--solution-folder", "src", project])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start `dotnet sln add`.");
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? true
            : throw new GenerationException(new SpecProblem(layout.SolutionPath, null, null, null, $"`dotnet sln add` failed: {error.Trim()}", $"Add {project} to the solution by hand."));
    }

    /// <summary>A source that already holds the bytes (the spec read once by add-version).</summary>
    private sealed record BytesSource(byte[] Bytes) : SpecSource
    {
        public override string Describe(SpecLockEntry entry) => "(spec read by add-version)";

        public override Task<byte[]> ReadAsync(SpecLockEntry entry, HttpClient http, CancellationToken cancellationToken) => Task.FromResult(Bytes);
    }
}

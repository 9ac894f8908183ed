using System.Diagnostics;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Surface;
using DockerApiGen.Generator.Upstream;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>How the url pinned in the lock was checked against the spec that was read.</summary>
public enum UrlCheck
{
    /// <summary>The spec was read from that url.</summary>
    ReadFromIt,

    /// <summary>The url was downloaded and has the same sha256 as the spec that was read.</summary>
    Verified,

    /// <summary>The url could not be reached (no network access): pinned unchecked, as the result says.</summary>
    Unreachable,
}

/// <summary>What <see cref="VersionAdder"/> did.</summary>
/// <param name="Entry">The new lock entry.</param>
/// <param name="Output">The generated version.</param>
/// <param name="ProjectWritten">Whether a package project was written under <c>src/</c> (the version is committed).</param>
/// <param name="AddedToSolution">Whether the project was added to the solution.</param>
/// <param name="UrlCheck">How the pinned url was checked.</param>
/// <param name="UrlCheckDetail">Why the url could not be checked, when it could not.</param>
public sealed record AddVersionResult(SpecLockEntry Entry, VersionOutput Output, bool ProjectWritten, bool AddedToSolution, UrlCheck UrlCheck, string? UrlCheckDetail)
{
    /// <summary>Committed older versions whose availability markers the new version changed (what it removes or deprecates): their code and surface snapshots were rewritten.</summary>
    public IReadOnlyList<ApiVersion> Remarked { get; init; } = [];
}

/// <summary>
/// <c>add-version</c>: takes a new spec of a family from a source, generates and compiles it in memory, and
/// only when that succeeds writes the lock entry, the project, its generated code, the surface snapshot, and
/// adds the project to the solution (when it is not there yet: a family with one package moves it to the newest
/// version). The url pinned in the lock is never guessed: it is the one given, or the one the
/// source read the file from; a url the file was not read from is downloaded and compared first. The new
/// version also tells older packages what it removes or deprecates (their availability markers), so the
/// committed packages whose code changes are regenerated, recompiled and their snapshots rewritten too.
/// </summary>
public static class VersionAdder
{
    /// <summary>Adds a version of the default family (the Engine).</summary>
    /// <param name="layout">The repository.</param>
    /// <param name="version">The new version.</param>
    /// <param name="source">Where the spec is (a mirror folder or url, one file's url, or upstream).</param>
    /// <param name="upstreamUrl">The url to pin; required when the source is a folder (which does not say where upstream keeps the file).</param>
    /// <param name="cancellationToken">Cancels the work; nothing is written then.</param>
    /// <exception cref="GenerationException">The version exists, no url is known, the url serves another file, the spec cannot be had or declares another version, or it does not generate.</exception>
    public static Task<AddVersionResult> AddAsync(RepositoryLayout layout, ApiVersion version, SpecSource source, Uri? upstreamUrl, CancellationToken cancellationToken)
        => AddAsync(GeneratorInputs.Load(layout), version, source, upstreamUrl, cancellationToken);

    /// <summary>Adds a version to a family.</summary>
    /// <param name="inputs">The family's inputs.</param>
    /// <param name="version">The new version.</param>
    /// <param name="source">Where the spec is (a mirror folder or url, one file's url, or upstream).</param>
    /// <param name="upstreamUrl">The url to pin; required when the source is a folder (which does not say where upstream keeps the file).</param>
    /// <param name="cancellationToken">Cancels the work; nothing is written then.</param>
    /// <exception cref="GenerationException">
    /// The version exists, no url is known, the url serves another file, the spec cannot be had or declares
    /// another version, or it does not generate.
    /// </exception>
    public static async Task<AddVersionResult> AddAsync(GeneratorInputs inputs, ApiVersion version, SpecSource source, Uri? upstreamUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(source);
        var lockPath = inputs.Lock.Path;
        if (inputs.Lock.Entries.Any(e => e.Version == version))
        {
            throw new GenerationException(new SpecProblem(lockPath, null, null, null, $"Version {version} is already in the spec lock.", $"To regenerate it, run `dockerapigen generate{inputs.Lock.FamilyOption}`."));
        }

        if (inputs.Lock.Entries.Any(e => e.IsInRepository))
        {
            throw new GenerationException(new SpecProblem(lockPath, null, null, null, $"The {inputs.Family.Name} family's specs are documents of this repository, not pinned downloads.", "Write the new document beside the others and add its `version` and `path` to the lock by hand."));
        }

        var foundAt = source.FoundAt(version);
        var url = upstreamUrl ?? foundAt ?? throw new GenerationException(new SpecProblem(
            source.ToString() ?? "--source", null, null, null,
            $"The lock needs the address upstream keeps the spec of version {version} at, and {(source == SpecSource.Upstream ? "none was given" : "a mirror folder does not say it")}.",
            $"Pass --url with the file's address at a fixed commit (for the Engine, a released version: {UpstreamRepository.Engine.RawUrl("<commit>", UpstreamRepository.Engine.ReleasedPath(version))}; "
            + $"one under development: {UpstreamRepository.Engine.RawUrl("<commit>", UpstreamRepository.Engine.CurrentSpecPath)}), or run `dockerapigen upstream --add`, which finds it."));
        if (UpstreamRepository.Engine.RawReference(url) is { } reference && !UpstreamRepository.IsCommit(reference))
        {
            throw new GenerationException(new SpecProblem(
                url.ToString(), null, null, null,
                $"The url names '{reference}', which moves; the lock pins files at a commit.",
                $"Use the commit id (40 hex digits) in place of '{reference}', or run `dockerapigen upstream --add --ref {reference}`."));
        }

        var provisional = new SpecLockEntry(version, url, new string('0', 64));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var bytes = await source.ReadAsync(provisional, http, cancellationToken).ConfigureAwait(false);

        // Only numbered API versions are declared in the spec itself (the Hub's dated snapshots say "beta").
        var declared = version.Scheme == VersionScheme.Number ? DeclaredVersion.Read(bytes) : null;
        if (declared is not null && (!ApiVersion.TryParse(declared, out var declaredVersion) || declaredVersion != version))
        {
            throw new GenerationException(new SpecProblem(
                source.Describe(provisional), null, null, "/info/version",
                $"The spec declares version '{declared}', not {version}.",
                "Add it under the version it declares, or check --source and --url."));
        }

        var entry = provisional with { Sha256 = SpecCache.Sha256Of(bytes) };
        var (check, detail) = url == foundAt || source == SpecSource.Upstream
            ? (UrlCheck.ReadFromIt, null)
            : await CheckUrlAsync(entry, http, cancellationToken).ConfigureAwait(false);

        // The cache only ever holds a file under its own hash, so writing it before generation is safe.
        await inputs.Cache.PullAsync([entry], new BytesSource(bytes), force: true, cancellationToken).ConfigureAwait(false);

        // Generation sees the new entry in memory; the lock file is written only once everything generated.
        var updatedInputs = inputs with { Lock = inputs.Lock.WithEntry(entry) };
        // Availability markers are computed from every locked spec: any the cache lacks come from where the family's
        // specs usually come from (its mirror variable, else the lock's urls).
        var run = new GenerationRun(updatedInputs) { HistorySource = inputs.ResolveSource(null) };

        var output = (await run.GenerateAsync([entry], compile: true, cancellationToken).ConfigureAwait(false))[0];

        // Older committed packages whose markers change (a removal or deprecation in the new version); without
        // markers a new version changes no other package.
        var older = inputs.Family.MarksAvailability ? updatedInputs.CommittedEntries.Where(e => e.Version != version).ToList() : [];
        var regenerated = older.Count == 0 ? [] : await run.GenerateAsync(older, compile: false, cancellationToken).ConfigureAwait(false);
        var remarked = regenerated.Where(o => run.CheckDrift([o]).Count > 0).Select(o => updatedInputs.Lock.Get(o.Model.Version)).ToList();
        var recompiled = remarked.Count == 0 ? [] : await run.GenerateAsync(remarked, compile: true, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        inputs.Lock.Append(entry);
        var committed = updatedInputs.IsCommitted(version);
        var addedToSolution = false;
        run.Write([.. recompiled, .. committed ? [output] : Array.Empty<VersionOutput>()]);
        if (committed)
        {
            addedToSolution = AddToSolution(updatedInputs, version);
        }

        var snapshots = new SurfaceSnapshots(inputs.Layout.SnapshotsFolder);
        snapshots.WriteVerified(updatedInputs.Family.SnapshotName(version), output.Surface!);
        foreach (var other in recompiled)
        {
            snapshots.WriteVerified(updatedInputs.Family.SnapshotName(other.Model.Version), other.Surface!);
        }

        return new AddVersionResult(entry, output, committed, addedToSolution, check, detail) { Remarked = remarked.Select(e => e.Version).ToList() };
    }

    /// <summary>
    /// Downloads the url to pin and compares its hash with the spec that was read. A url that answers with
    /// another file or an error is refused; one that cannot be reached at all (no network) is pinned
    /// unchecked, and the result says so.
    /// </summary>
    private static async Task<(UrlCheck, string?)> CheckUrlAsync(SpecLockEntry entry, HttpClient http, CancellationToken cancellationToken)
    {
        byte[] upstream;
        try
        {
            using var response = await http.GetAsync(entry.Url, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new GenerationException(new SpecProblem(
                    entry.Url.ToString(), null, null, null,
                    $"The url to pin answers HTTP {(int)response.StatusCode} {response.ReasonPhrase}, so `pull` could never fetch version {entry.Version} from it.",
                    "Pass --url with the address of this very file at a fixed commit."));
            }

            upstream = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return (UrlCheck.Unreachable, ex.Message);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (UrlCheck.Unreachable, ex.Message);
        }

        var actual = SpecCache.Sha256Of(upstream);
        return actual == entry.Sha256
            ? (UrlCheck.Verified, null)
            : throw new GenerationException(new SpecProblem(
                entry.Url.ToString(), null, null, null,
                $"The url to pin serves a file with sha256 {actual}, but the spec read for version {entry.Version} has {entry.Sha256}.",
                "The source and the url hold different files: pass the url of the file you read (at the commit it comes from), or read the file from that url."));
    }

    private static bool AddToSolution(GeneratorInputs inputs, ApiVersion version)
    {
        var layout = inputs.Layout;
        var package = inputs.Family.PackageName(version);
        if (!File.Exists(layout.SolutionPath) || File.ReadAllText(layout.SolutionPath).Contains($"\"{package}\"", StringComparison.Ordinal))
        {
            return false;
        }

        var project = Path.Combine(inputs.ProjectFolder(version), $"{package}.csproj");
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

using System.Diagnostics;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Surface;

namespace DockerApiGen.Generator.Pipeline;

/// <summary>What <see cref="VersionAdder"/> did.</summary>
/// <param name="Entry">The new lock entry.</param>
/// <param name="Output">The generated version.</param>
/// <param name="ProjectWritten">Whether a package project was written under <c>src/</c> (the version is committed).</param>
/// <param name="AddedToSolution">Whether the project was added to the solution.</param>
public sealed record AddVersionResult(SpecLockEntry Entry, VersionOutput Output, bool ProjectWritten, bool AddedToSolution);

/// <summary>
/// <c>add-version</c>: takes a new spec of a family from a source, generates and compiles it in memory, and
/// only when that succeeds writes the lock entry, the project, its generated code, the surface snapshot, and
/// adds the project to the solution (when it is not there yet: a family with one package moves it to the newest
/// version).
/// </summary>
public static class VersionAdder
{
    /// <summary>Adds a version of the default family (the Engine).</summary>
    /// <param name="layout">The repository.</param>
    /// <param name="version">The new version.</param>
    /// <param name="source">Where the spec is (a mirror folder or url, or upstream).</param>
    /// <param name="upstreamUrl">The upstream url to pin; by default the previous entry's url with the file name changed.</param>
    /// <param name="cancellationToken">Cancels the work; nothing is written then.</param>
    /// <exception cref="GenerationException">The version exists, the spec cannot be had, or it does not generate.</exception>
    public static Task<AddVersionResult> AddAsync(RepositoryLayout layout, ApiVersion version, SpecSource source, Uri? upstreamUrl, CancellationToken cancellationToken)
        => AddAsync(GeneratorInputs.Load(layout), version, source, upstreamUrl, cancellationToken);

    /// <summary>Adds a version to a family.</summary>
    /// <param name="inputs">The family's inputs.</param>
    /// <param name="version">The new version.</param>
    /// <param name="source">Where the spec is (a mirror folder or url, or upstream).</param>
    /// <param name="upstreamUrl">The upstream url to pin; by default the previous entry's url with the file name changed, when its file is named after its version.</param>
    /// <param name="cancellationToken">Cancels the work; nothing is written then.</param>
    /// <exception cref="GenerationException">The version exists, the spec cannot be had, or it does not generate.</exception>
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

        var url = upstreamUrl ?? DeriveUrl(inputs.Lock, version);
        var provisional = new SpecLockEntry(version, url, new string('0', 64));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var bytes = await source.ReadAsync(provisional, http, cancellationToken).ConfigureAwait(false);
        var entry = provisional with { Sha256 = SpecCache.Sha256Of(bytes) };

        // The cache only ever holds a file under its own hash, so writing it before generation is safe.
        await inputs.Cache.PullAsync([entry], new BytesSource(bytes), force: true, cancellationToken).ConfigureAwait(false);
        var output = await VersionGenerator.GenerateAsync(inputs, entry, inputs.Cache.PathOf(version), compile: true, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var updatedInputs = inputs with { Lock = inputs.Lock.Append(entry) };
        var committed = updatedInputs.IsCommitted(version);
        var addedToSolution = false;
        if (committed)
        {
            new GenerationRun(updatedInputs).Write([output]);
            addedToSolution = AddToSolution(updatedInputs, version);
        }

        new SurfaceSnapshots(inputs.Layout.SnapshotsFolder).WriteVerified(updatedInputs.Family.SnapshotName(version), output.Surface!);
        return new AddVersionResult(entry, output, committed, addedToSolution);
    }

    /// <summary>The previous entry's url with its file name changed, when that file is named after its version (moby's v1.41.yaml).</summary>
    private static Uri DeriveUrl(SpecLock specLock, ApiVersion version)
    {
        var lastEntry = specLock.Entries[^1];
        var last = lastEntry.Url.ToString();
        var slash = last.LastIndexOf('/');
        if (!last[(slash + 1)..].Equals(lastEntry.Version.SpecFileName, StringComparison.Ordinal))
        {
            throw new GenerationException(new SpecProblem(
                specLock.Path, null, null, null,
                $"The upstream url of version {version} cannot be derived: the file of {lastEntry.Version} is not named after its version ({last}).",
                "Give the url to pin with --url."));
        }

        return new Uri(last[..(slash + 1)] + version.SpecFileName);
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

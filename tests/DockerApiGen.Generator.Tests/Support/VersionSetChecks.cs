using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Surface;
using DockerApiGen.Generator.Tests.Semantics;
using DockerApiGen.Generator.Upstream;

namespace DockerApiGen.Generator.Tests.Support;

/// <summary>A mirror compared with the lock: files whose hash differs, and locked versions it lacks.</summary>
/// <param name="Checked">How many locked versions the mirror has.</param>
/// <param name="Mismatched">One line per file whose hash differs from the lock.</param>
/// <param name="Missing">The locked versions the mirror lacks.</param>
public sealed record MirrorComparison(int Checked, IReadOnlyList<string> Mismatched, IReadOnlyList<SpecLockEntry> Missing)
{
    /// <summary>What to do about the missing versions.</summary>
    public string MissingAdvice
        => $"The spec mirror lacks {string.Join(", ", Missing.Select(e => e.Version.SpecFileName))} ({Checked} locked versions checked). "
            + "Add each file to the mirror and its SHA256SUMS (" + string.Join("; ", Missing.Select(e => $"{e.Sha256}  {e.Version.SpecFileName} from {e.Url}")) + ").";
}

/// <summary>
/// The checks that depend on which versions the lock holds, written once for any repository: the real one
/// (the tests over every version) and a temp copy with a fixture "next version" added (the end-to-end
/// add-version test). None of them names a version or a count: the lock is the version set.
/// </summary>
public static class VersionSetChecks
{
    /// <summary>The lock starts at 1.25, has no gaps, and pins each file at a commit of an upstream repository.</summary>
    /// <param name="specLock">The lock.</param>
    /// <param name="upstreams">The repositories a pinned address may point into.</param>
    public static IReadOnlyList<string> LockProblems(SpecLock specLock, params UpstreamRepository[] upstreams)
    {
        ArgumentNullException.ThrowIfNull(specLock);
        var problems = new List<string>();
        if (specLock.Entries[0].Version != new ApiVersion(1, 25))
        {
            problems.Add($"The lock starts at {specLock.Entries[0].Version}, not 1.25.");
        }

        for (var i = 1; i < specLock.Entries.Count; i++)
        {
            var (previous, current) = (specLock.Entries[i - 1].Version, specLock.Entries[i].Version);
            if (current != new ApiVersion(previous.Major, previous.Minor + 1))
            {
                problems.Add($"The lock jumps from {previous} to {current}.");
            }
        }

        problems.AddRange(specLock.Entries
            .Where(e => !upstreams.Any(u => u.IsPinnedSpecUrl(e.Url, e.Version)))
            .Select(e => $"v{e.Version}: {e.Url} is not a spec file at a commit of {string.Join(" or ", upstreams.Select(u => u.RawUrl("<commit>", string.Empty)))}."));
        return problems;
    }

    /// <summary>Compares the lock with a mirror folder's <c>SHA256SUMS</c>.</summary>
    /// <param name="specLock">The lock.</param>
    /// <param name="mirrorFolder">The mirror, holding <c>SHA256SUMS</c>.</param>
    public static MirrorComparison CompareWithMirror(SpecLock specLock, string mirrorFolder)
    {
        ArgumentNullException.ThrowIfNull(specLock);
        var sums = File.ReadAllLines(Path.Combine(mirrorFolder, "SHA256SUMS"))
            .Select(l => l.Split("  ", 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[1].Trim(), p => p[0].Trim(), StringComparer.Ordinal);
        var mismatched = new List<string>();
        var missing = new List<SpecLockEntry>();
        foreach (var entry in specLock.Entries)
        {
            if (!sums.TryGetValue(entry.Version.SpecFileName, out var sum))
            {
                missing.Add(entry);
            }
            else if (sum != entry.Sha256)
            {
                mismatched.Add($"v{entry.Version}: the lock pins {entry.Sha256}, the mirror has {sum}.");
            }
        }

        return new MirrorComparison(specLock.Entries.Count - missing.Count, mismatched, missing);
    }

    /// <summary>
    /// The generated outputs of the expected versions: each present and compiled, each operation with one
    /// client method; for committed versions, the surface matches its verified snapshot and the code under
    /// <c>src/</c> is current.
    /// </summary>
    /// <param name="run">The run that generated the outputs (its inputs are the repository's).</param>
    /// <param name="expected">The versions that must be there.</param>
    /// <param name="outputs">What was generated.</param>
    public static IReadOnlyList<string> OutputProblems(GenerationRun run, IReadOnlyList<ApiVersion> expected, IReadOnlyList<VersionOutput> outputs)
    {
        ArgumentNullException.ThrowIfNull(run);
        var problems = new List<string>();
        var missing = expected.Except(outputs.Select(o => o.Model.Version)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"Not generated: {string.Join(", ", missing)}.");
        }

        var snapshots = new SurfaceSnapshots(run.Inputs.Layout.SnapshotsFolder);
        foreach (var output in outputs.Where(o => expected.Contains(o.Model.Version)))
        {
            var version = output.Model.Version;
            if (output.Compilation is null)
            {
                problems.Add($"v{version} was not compiled.");
                continue;
            }

            var methods = ClientCoverageTests.OperationMethods(output.Compilation).Select(m => m.OperationId).Order(StringComparer.Ordinal);
            var operations = output.Model.Operations.Select(o => o.OperationId).Order(StringComparer.Ordinal);
            if (!methods.SequenceEqual(operations, StringComparer.Ordinal))
            {
                problems.Add($"v{version}: the client's methods differ from the spec's operations (missing [{string.Join(", ", operations.Except(methods))}], extra [{string.Join(", ", methods.Except(operations))}]).");
            }

            if (run.Inputs.IsCommitted(version) && snapshots.Compare(run.Inputs.SnapshotOf(version), output.Surface!) is { } surface)
            {
                problems.Add(surface);
            }
        }

        problems.AddRange(run.CheckDrift(outputs.Where(o => expected.Contains(o.Model.Version)).ToList())
            .Take(50)
            .Select(d => $"{d.Kind}: {d.Path} (run `dockerapigen generate` and commit the result)"));
        return problems;
    }

    /// <summary>Fails under CI (<c>CI=true</c>), skips otherwise, with the reason.</summary>
    /// <param name="reason">Why the check cannot run completely.</param>
    public static void SkipOrFailUnderCi(string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }
}

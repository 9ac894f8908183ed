using System.Text;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Specs;

/// <summary>Locks and pulls of families other than the Engine: dated snapshots, repository documents, their own mirrors.</summary>
public sealed class FamilyLockTests
{
    private static readonly ApiVersion August = new(2024, 8, VersionScheme.Date);
    private static readonly byte[] Snapshot = Encoding.UTF8.GetBytes("openapi: 3.0.3\n");

    [Fact]
    public void The_hub_lock_agrees_with_the_mirror_checksums_and_source()
    {
        var mirror = TestRepository.HubMirror;
        if (mirror is null || !File.Exists(Path.Combine(mirror, "SHA256SUMS")))
        {
            Assert.Skip("No Docker Hub spec mirror with SHA256SUMS beside the repository (../shared/specs/docker-hub).");
            return;
        }

        var sums = File.ReadAllLines(Path.Combine(mirror, "SHA256SUMS")).Select(l => l.Split("  ")).ToDictionary(p => p[1], p => p[0], StringComparer.Ordinal);
        var source = File.ReadAllText(Path.Combine(mirror, "SOURCE.md"));
        var entries = GeneratorInputs.Load(TestRepository.Layout, "hub").Lock.Entries;
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(sums[e.Version.SpecFileName], e.Sha256);
            Assert.Contains(e.Url.ToString(), source, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_hub_snapshot_pulls_from_its_own_mirror_and_a_wrong_hash_writes_nothing()
    {
        using var temp = new TempFolder();
        temp.Write("mirror/2024-08.yaml", "openapi: 3.0.3\n");
        var cache = new SpecCache(Path.Combine(temp.Path, "cache"));
        var entry = new SpecLockEntry(August, new Uri("https://example.invalid/latest.yaml"), SpecCache.Sha256Of(Snapshot));

        var pulled = Assert.Single(await cache.PullAsync([entry], SpecSource.Resolve(Path.Combine(temp.Path, "mirror"), "DOCKERAPIGEN_HUB_SPEC_SOURCE"), false, TestContext.Current.CancellationToken));
        Assert.Equal((PullOutcome.Fetched, Path.Combine(temp.Path, "cache", "2024-08.yaml")), (pulled.Outcome, pulled.CachePath));

        var tampered = entry with { Sha256 = new string('0', 64) };
        var ex = await Assert.ThrowsAsync<GenerationException>(() => new SpecCache(Path.Combine(temp.Path, "other")).PullAsync([tampered], SpecSource.Resolve(Path.Combine(temp.Path, "mirror"), "X"), false, TestContext.Current.CancellationToken));
        Assert.Contains("version 2024-08 has sha256", Assert.Single(ex.Problems).Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "other")));
    }

    [Fact]
    public async Task Each_family_reads_its_own_mirror_variable_and_names_it_in_hints()
    {
        using var temp = new TempFolder();
        var variable = $"DOCKERAPIGEN_TEST_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, Path.Combine(temp.Path, "missing-mirror"));
        try
        {
            var source = Assert.IsType<SpecSource.MirrorFolderSource>(SpecSource.Resolve(null, variable));
            Assert.Equal(Path.Combine(temp.Path, "missing-mirror"), source.Folder);
            Assert.Equal(Path.Combine(temp.Path, "explicit"), Assert.IsType<SpecSource.MirrorFolderSource>(SpecSource.Resolve(Path.Combine(temp.Path, "explicit"), variable)).Folder);
            var entry = new SpecLockEntry(August, new Uri("https://example.invalid/x.yaml"), SpecCache.Sha256Of(Snapshot));
            var ex = await Assert.ThrowsAsync<GenerationException>(() => new SpecCache(Path.Combine(temp.Path, "cache")).PullAsync([entry], source, false, TestContext.Current.CancellationToken));
            Assert.Contains(variable, Assert.Single(ex.Problems).Hint, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        // A family without a mirror variable ignores the Engine's.
        Assert.Equal("upstream", SpecSource.Resolve(null, null).ToString());
    }

    [Fact]
    public async Task A_repository_document_is_read_in_place_and_a_missing_one_is_named()
    {
        using var temp = new TempFolder();
        var lockPath = temp.Write("specs/registry/spec-lock.yaml", "versions:\n  - version: \"1.1\"\n    path: openapi.yaml\n");
        var entry = Assert.Single(SpecLock.Load(lockPath).Entries);
        Assert.Equal((true, string.Empty, Path.Combine(temp.Path, "specs", "registry", "openapi.yaml")), (entry.IsInRepository, entry.Sha256, entry.LocalPath));
        var cache = new SpecCache(Path.Combine(temp.Path, "cache"));
        Assert.Equal(entry.LocalPath, cache.PathOf(entry));

        var missing = Assert.Single((await Assert.ThrowsAsync<GenerationException>(() => cache.PullAsync([entry], SpecSource.Upstream, false, TestContext.Current.CancellationToken))).Problems);
        Assert.Equal(entry.LocalPath, missing.File);
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);

        temp.Write("specs/registry/openapi.yaml", "openapi: 3.0.3\n");
        var pulled = Assert.Single(await cache.PullAsync([entry], SpecSource.Upstream, true, TestContext.Current.CancellationToken));
        Assert.Equal((PullOutcome.InRepository, entry.LocalPath), (pulled.Outcome, pulled.CachePath));
        Assert.False(Directory.Exists(cache.Folder));
    }

    [Theory]
    [InlineData("    path: openapi.yaml\n    sha256: 0000000000000000000000000000000000000000000000000000000000000000\n", "pinned by git")]
    [InlineData("    path: ../engine/openapi.yaml\n", "leaves the family's folder")]
    [InlineData("    path: /etc/openapi.yaml\n", "leaves the family's folder")]
    public void A_repository_entry_is_a_relative_path_alone(string entry, string message)
    {
        using var temp = new TempFolder();
        var lockPath = temp.Write("spec-lock.yaml", "versions:\n  - version: \"1.1\"\n" + entry);
        var problem = Assert.Single(Assert.Throws<GenerationException>(() => SpecLock.Load(lockPath)).Problems);
        Assert.Equal("/versions/0", problem.JsonPointer);
        Assert.Contains(message, problem.Message + problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dated_lock_refuses_api_versions()
    {
        using var temp = new TempFolder();
        var lockPath = temp.Write("spec-lock.yaml", $"versions:\n  - version: \"1.41\"\n    url: https://example.invalid/a.yaml\n    sha256: {new string('a', 64)}\n");
        var problem = Assert.Single(Assert.Throws<GenerationException>(() => SpecLock.Load(lockPath, VersionScheme.Date)).Problems);
        Assert.Contains("not a version such as 2024-08", problem.Message, StringComparison.Ordinal);
    }
}

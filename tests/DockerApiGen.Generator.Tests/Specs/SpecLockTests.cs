using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Specs;

public sealed class SpecLockTests
{
    [Fact]
    public void The_repository_lock_pins_every_version_from_1_25_to_1_55_at_one_commit()
    {
        var specLock = SpecLock.Load(TestRepository.Layout.SpecLockPath);
        Assert.Equal(31, specLock.Entries.Count);
        Assert.Equal(ApiVersion.Parse("1.25"), specLock.Entries[0].Version);
        Assert.Equal(ApiVersion.Parse("1.55"), specLock.Entries[^1].Version);
        Assert.All(specLock.Entries, e => Assert.Contains("/moby/moby/b985e2313a8676e18072b442911fc8f64f17d440/api/docs/" + e.Version.SpecFileName, e.Url.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void The_lock_agrees_with_the_mirror_checksums()
    {
        if (TestRepository.SpecSource is not SpecSource.MirrorFolderSource mirror || !File.Exists(Path.Combine(mirror.Folder, "SHA256SUMS")))
        {
            Assert.Skip("No spec mirror with SHA256SUMS beside the repository.");
            return;
        }

        var sums = File.ReadAllLines(Path.Combine(mirror.Folder, "SHA256SUMS"))
            .Select(l => l.Split("  "))
            .ToDictionary(p => p[1], p => p[0], StringComparer.Ordinal);
        foreach (var entry in SpecLock.Load(TestRepository.Layout.SpecLockPath).Entries)
        {
            Assert.Equal(sums[entry.Version.SpecFileName], entry.Sha256);
        }
    }

    [Fact]
    public void A_malformed_entry_is_reported_with_its_position()
    {
        using var temp = new TempFolder();
        var path = temp.Write("spec-lock.yaml", """
            versions:
              - version: "1.41"
                url: https://example.invalid/v1.41.yaml
                sha256: nothex
            """);
        var problem = Assert.Single(Assert.Throws<GenerationException>(() => SpecLock.Load(path)).Problems);
        Assert.Equal("/versions/0", problem.JsonPointer);
        Assert.Contains("sha256", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_a_version_the_lock_lacks_says_how_to_add_it()
    {
        var ex = Assert.Throws<GenerationException>(() => SpecLock.Load(TestRepository.Layout.SpecLockPath).Get(ApiVersion.Parse("1.99")));
        Assert.Contains("add-version 1.99", ex.Message, StringComparison.Ordinal);
    }
}

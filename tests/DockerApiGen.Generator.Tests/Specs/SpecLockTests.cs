using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;
using DockerApiGen.Generator.Upstream;

namespace DockerApiGen.Generator.Tests.Specs;

public sealed class SpecLockTests
{
    [Fact]
    public void The_repository_lock_pins_consecutive_versions_from_1_25_each_at_an_upstream_commit()
    {
        var problems = VersionSetChecks.LockProblems(SpecLock.Load(TestRepository.Layout.SpecLockPath), UpstreamRepository.Engine);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_lock_agrees_with_the_mirror_checksums()
    {
        if (TestRepository.SpecSource is not SpecSource.MirrorFolderSource mirror || !File.Exists(Path.Combine(mirror.Folder, "SHA256SUMS")))
        {
            Assert.Skip("No spec mirror with SHA256SUMS beside the repository.");
            return;
        }

        var comparison = VersionSetChecks.CompareWithMirror(SpecLock.Load(TestRepository.Layout.SpecLockPath), mirror.Folder);
        Assert.True(comparison.Mismatched.Count == 0, string.Join("\n", comparison.Mismatched));
        if (comparison.Missing.Count > 0)
        {
            // A version added from upstream is not in the shared mirror until someone puts it there.
            VersionSetChecks.SkipOrFailUnderCi(comparison.MissingAdvice);
        }
    }

    [Fact]
    public void A_mirror_that_lacks_a_locked_version_is_reported_with_what_to_do()
    {
        using var temp = new TempFolder();
        var specLock = SpecLock.Load(temp.Write("spec-lock.yaml", $"""
            versions:
              - version: "1.25"
                url: https://example.invalid/v1.25.yaml
                sha256: {new string('a', 64)}
              - version: "1.26"
                url: https://example.invalid/v1.26.yaml
                sha256: {new string('b', 64)}
            """));
        temp.Write("mirror/SHA256SUMS", $"{new string('a', 64)}  v1.25.yaml\n");

        var comparison = VersionSetChecks.CompareWithMirror(specLock, Path.Combine(temp.Path, "mirror"));

        Assert.Empty(comparison.Mismatched);
        Assert.Equal("1.26", Assert.Single(comparison.Missing).Version.ToString());
        Assert.Contains("lacks v1.26.yaml", comparison.MissingAdvice, StringComparison.Ordinal);
        Assert.Contains($"{new string('b', 64)}  v1.26.yaml from https://example.invalid/v1.26.yaml", comparison.MissingAdvice, StringComparison.Ordinal);
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

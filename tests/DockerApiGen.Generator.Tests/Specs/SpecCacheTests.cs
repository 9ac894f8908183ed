using System.Text;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Specs;

public sealed class SpecCacheTests
{
    private static readonly byte[] First = Encoding.UTF8.GetBytes("first spec\n");
    private static readonly byte[] Second = Encoding.UTF8.GetBytes("second spec\n");

    private static SpecLockEntry Entry(string version, byte[] bytes)
        => new(ApiVersion.Parse(version), new Uri($"https://example.invalid/v{version}.yaml"), SpecCache.Sha256Of(bytes));

    [Fact]
    public async Task Pulls_from_a_mirror_folder_and_verifies_each_hash()
    {
        using var temp = new TempFolder();
        var mirror = Path.Combine(temp.Path, "mirror");
        Directory.CreateDirectory(mirror);
        File.WriteAllBytes(Path.Combine(mirror, "v9.1.yaml"), First);
        File.WriteAllBytes(Path.Combine(mirror, "v9.2.yaml"), Second);
        var cache = new SpecCache(Path.Combine(temp.Path, "cache"));

        var results = await cache.PullAsync([Entry("9.1", First), Entry("9.2", Second)], SpecSource.Resolve(mirror), force: false, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(PullOutcome.Fetched, r.Outcome));
        Assert.Equal(First, File.ReadAllBytes(cache.PathOf(ApiVersion.Parse("9.1"))));
        var again = await cache.PullAsync([Entry("9.1", First)], SpecSource.Resolve(mirror), force: false, TestContext.Current.CancellationToken);
        Assert.Equal(PullOutcome.AlreadyCached, Assert.Single(again).Outcome);
    }

    [Fact]
    public async Task A_hash_mismatch_names_version_and_source_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var mirror = Path.Combine(temp.Path, "mirror");
        Directory.CreateDirectory(mirror);
        File.WriteAllBytes(Path.Combine(mirror, "v9.1.yaml"), First);
        File.WriteAllBytes(Path.Combine(mirror, "v9.2.yaml"), Encoding.UTF8.GetBytes("tampered\n"));
        var cache = new SpecCache(Path.Combine(temp.Path, "cache"));

        var ex = await Assert.ThrowsAsync<GenerationException>(() => cache.PullAsync([Entry("9.1", First), Entry("9.2", Second)], SpecSource.Resolve(mirror), false, TestContext.Current.CancellationToken));

        var problem = Assert.Single(ex.Problems);
        Assert.Contains("version 9.2", problem.Message, StringComparison.Ordinal);
        Assert.Contains("v9.2.yaml", problem.File, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cache.Folder) && Directory.EnumerateFileSystemEntries(cache.Folder).Any(), "Nothing may be written when any spec fails.");
    }

    [Fact]
    public async Task A_missing_mirror_file_says_what_to_do()
    {
        using var temp = new TempFolder();
        var cache = new SpecCache(Path.Combine(temp.Path, "cache"));
        var ex = await Assert.ThrowsAsync<GenerationException>(() => cache.PullAsync([Entry("9.1", First)], SpecSource.Resolve(temp.Path), false, TestContext.Current.CancellationToken));
        var problem = Assert.Single(ex.Problems);
        Assert.Contains("no spec for version 9.1", problem.Message, StringComparison.Ordinal);
        Assert.Contains("https://example.invalid/v9.1.yaml", problem.Message, StringComparison.Ordinal);
        Assert.Contains("pull --version 9.1", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_network_failure_names_the_url_and_suggests_a_mirror()
    {
        using var temp = new TempFolder();
        var cache = new SpecCache(Path.Combine(temp.Path, "cache"));

        // Port 1 on loopback: nothing listens, so the connection is refused at once.
        var ex = await Assert.ThrowsAsync<GenerationException>(() => cache.PullAsync([Entry("9.1", First)], SpecSource.Resolve("http://127.0.0.1:1/specs"), false, TestContext.Current.CancellationToken));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("http://127.0.0.1:1/specs/v9.1.yaml", problem.File);
        Assert.Contains("mirror", problem.Hint, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cache.Folder));
    }
}

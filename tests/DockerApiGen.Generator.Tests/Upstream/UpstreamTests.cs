using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;
using DockerApiGen.Generator.Upstream;

namespace DockerApiGen.Generator.Tests.Upstream;

/// <summary>Finding new versions upstream, against a local stand-in laid out as GitHub is.</summary>
public sealed class UpstreamTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private static Dictionary<string, byte[]> Released(params string[] versions)
        => versions.ToDictionary(v => $"v{v}.yaml", FixtureRepository.Bytes, StringComparer.Ordinal);

    [Fact]
    public async Task Reports_released_versions_and_the_one_under_development_that_are_newer_than_the_lock()
    {
        using var temp = new TempFolder();
        var layout = FixtureRepository.Create(temp, "9.0+");
        await using var upstream = new UpstreamStandIn();
        upstream.Publish("master", Commit, Released("9.0", "9.1", "9.2"), FixtureRepository.Bytes("9.3"));

        var status = await UpstreamUpdater.CheckAsync(layout, upstream.Repository, "master", TestContext.Current.CancellationToken);

        Assert.Equal(Commit, status.Snapshot.Commit);
        Assert.Equal(ApiVersion.Parse("9.1"), status.LockedLatest);
        Assert.Equal(["9.2", "9.3"], status.Newer.Select(s => s.Version.ToString()));
        Assert.True(status.Newer[0].Released);
        Assert.Equal(upstream.Repository.RawUrl(Commit, "api/docs/v9.2.yaml"), status.Newer[0].Url);
        Assert.False(status.Newer[1].Released);
        Assert.Equal(upstream.Repository.RawUrl(Commit, "api/swagger.yaml"), status.Newer[1].Url);
        Assert.All(status.Newer, s => Assert.True(upstream.Repository.IsPinnedSpecUrl(s.Url, s.Version)));
    }

    [Fact]
    public async Task Right_after_a_release_the_spec_under_development_is_the_released_file()
    {
        await using var upstream = new UpstreamStandIn();
        upstream.Publish("master", Commit, Released("9.1", "9.2"), FixtureRepository.Bytes("9.2"));

        using var http = new HttpClient();
        var snapshot = await UpstreamScanner.ScanAsync(upstream.Repository, "master", http, TestContext.Current.CancellationToken);

        var latest = Assert.Single(snapshot.Specs, s => s.Version == ApiVersion.Parse("9.2"));
        Assert.True(latest.Released);
        Assert.Equal("api/docs/v9.2.yaml", latest.Path);
    }

    [Fact]
    public async Task Adding_pins_each_newer_version_at_the_address_it_was_found_and_verifies_nothing_twice()
    {
        using var temp = new TempFolder();
        var layout = FixtureRepository.Create(temp, "9.0+");
        await using var upstream = new UpstreamStandIn();
        upstream.Publish("master", Commit, Released("9.1", "9.2"), FixtureRepository.Bytes("9.3"));
        var status = await UpstreamUpdater.CheckAsync(layout, upstream.Repository, "master", TestContext.Current.CancellationToken);

        var added = await UpstreamUpdater.AddNewerAsync(layout, status, null, TestContext.Current.CancellationToken);

        Assert.Equal(["9.2", "9.3"], added.Select(a => a.Entry.Version.ToString()));
        Assert.All(added, a => Assert.Equal(UrlCheck.ReadFromIt, a.UrlCheck));
        var specLock = SpecLock.Load(layout.SpecLockPath);
        Assert.Equal(upstream.Repository.RawUrl(Commit, "api/docs/v9.2.yaml"), specLock.Get(ApiVersion.Parse("9.2")).Url);
        Assert.Equal(upstream.Repository.RawUrl(Commit, "api/swagger.yaml"), specLock.Get(ApiVersion.Parse("9.3")).Url);
        Assert.Equal(SpecCache.Sha256Of(FixtureRepository.Bytes("9.3")), specLock.Get(ApiVersion.Parse("9.3")).Sha256);
        Assert.True(File.Exists(Path.Combine(layout.ProjectFolder("DockerApiGen.Engine.V9_3"), "DockerApiGen.Engine.V9_3.csproj")));

        var again = await UpstreamUpdater.CheckAsync(layout, upstream.Repository, "master", TestContext.Current.CancellationToken);
        Assert.Empty(again.Newer);
    }

    [Fact]
    public async Task A_commit_ref_is_used_as_is_and_an_unknown_ref_says_what_to_do()
    {
        await using var upstream = new UpstreamStandIn();
        upstream.Publish("master", Commit, Released("9.1"), FixtureRepository.Bytes("9.2"));
        using var http = new HttpClient();

        var pinned = await UpstreamScanner.ScanAsync(upstream.Repository, Commit, http, TestContext.Current.CancellationToken);
        Assert.Equal(Commit, pinned.Commit);
        Assert.DoesNotContain(upstream.Server.Requests, r => r.Contains("/commits/", StringComparison.Ordinal));

        var ex = await Assert.ThrowsAsync<GenerationException>(() => UpstreamScanner.ScanAsync(upstream.Repository, "no-such-branch", http, TestContext.Current.CancellationToken));
        Assert.Contains("HTTP 404", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Check --ref", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pinned_addresses_are_raw_files_at_a_commit()
    {
        var engine = UpstreamRepository.Engine;
        var version = ApiVersion.Parse("1.56");
        Assert.True(engine.IsPinnedSpecUrl(new Uri($"https://raw.githubusercontent.com/moby/moby/{Commit}/api/docs/v1.56.yaml"), version));
        Assert.True(engine.IsPinnedSpecUrl(new Uri($"https://raw.githubusercontent.com/moby/moby/{Commit}/api/swagger.yaml"), version));
        Assert.False(engine.IsPinnedSpecUrl(new Uri($"https://raw.githubusercontent.com/moby/moby/{Commit}/api/docs/v1.55.yaml"), version));
        Assert.False(engine.IsPinnedSpecUrl(new Uri("https://raw.githubusercontent.com/moby/moby/master/api/swagger.yaml"), version));
        Assert.False(engine.IsPinnedSpecUrl(new Uri($"https://example.invalid/moby/moby/{Commit}/api/swagger.yaml"), version));
        Assert.Equal("master", engine.RawReference(new Uri("https://raw.githubusercontent.com/moby/moby/master/api/swagger.yaml")));
        Assert.Null(engine.RawReference(new Uri("https://example.invalid/v1.56.yaml")));
    }

    [Fact]
    public void The_declared_version_is_read_from_the_info_block()
    {
        Assert.Equal("9.3", DeclaredVersion.Read(FixtureRepository.Bytes("9.3")));
        Assert.Null(DeclaredVersion.Read("swagger: \"2.0\"\npaths: {}\n"u8.ToArray()));
        Assert.Null(DeclaredVersion.Read("[: not yaml"u8.ToArray()));
    }
}

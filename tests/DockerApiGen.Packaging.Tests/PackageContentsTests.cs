using System.IO.Compression;
using System.Xml.Linq;
using DockerApiGen.Packaging.Tests.Support;

namespace DockerApiGen.Packaging.Tests;

/// <summary>Every shipped project packed, each package with the metadata a user and nuget.org expect.</summary>
public sealed class PackageContentsTests(PackageFolder folder)
{
    /// <summary>Every project under src/ (one package each) and the tool.</summary>
    public static TheoryData<string> PackageIds()
    {
        var ids = new TheoryData<string>();
        foreach (var project in Directory.GetDirectories(Path.Combine(Repository.Root, "src")).Order(StringComparer.Ordinal))
        {
            ids.Add(Path.GetFileName(project));
        }

        ids.Add("dockerapigen");
        return ids;
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public async Task Each_shipped_project_packs_with_licence_urls_commit_readme_docs_and_symbols(string id)
    {
        var packages = await folder.PathAsync();
        var package = Path.Combine(packages, $"{id}.{Repository.Version}.nupkg");
        Assert.True(File.Exists(package), $"{package} is missing.");
        Assert.True(File.Exists(Path.ChangeExtension(package, ".snupkg")), $"{id} has no symbol package.");

        using var zip = ZipFile.OpenRead(package);
        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        XNamespace ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        string Value(string name) => metadata.Element(ns + name)?.Value ?? "";

        Assert.Equal(id, Value("id"));
        Assert.Equal(Repository.Version, Value("version"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("https://github.com/dockerapigen/dockerapigen", Value("projectUrl"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Contains("CHANGELOG.md", Value("releaseNotes"), StringComparison.Ordinal);
        Assert.Contains("docker", Value("tags"), StringComparison.Ordinal);
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("https://github.com/dockerapigen/dockerapigen", repository.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");

        Assert.Contains(zip.Entries, e => e.FullName == "README.md");
        Assert.Contains(zip.Entries, e => e.FullName == "LICENSE");
        var assembly = id == "dockerapigen" ? "dockerapigen" : id;
        var folderInPackage = id == "dockerapigen" ? "tools/net10.0/any/" : "lib/net10.0/";
        Assert.Contains(zip.Entries, e => e.FullName == $"{folderInPackage}{assembly}.dll");
        if (id != "dockerapigen")
        {
            Assert.Contains(zip.Entries, e => e.FullName == $"{folderInPackage}{assembly}.xml");
        }
    }

    [Fact]
    public async Task An_engine_package_readme_says_which_daemons_speak_its_version()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(await folder.PathAsync(), $"DockerApiGen.Engine.V1_41.{Repository.Version}.nupkg"));
        using var reader = new StreamReader(zip.GetEntry("README.md")!.Open());
        var readme = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.Contains("Served by Docker Engine 20.10–28.5", readme, StringComparison.Ordinal);
        Assert.Contains("Not by 29.0–29.2: they refuse every API version below 1.44.", readme, StringComparison.Ordinal);
        Assert.Contains("dockerapigen diff 1.40 1.41", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tool_package_ships_the_spec_lock_and_patches()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(await folder.PathAsync(), $"dockerapigen.{Repository.Version}.nupkg"));
        Assert.Contains(zip.Entries, e => e.FullName == "tools/net10.0/any/specs/engine/spec-lock.yaml");
        Assert.Contains(zip.Entries, e => e.FullName == "tools/net10.0/any/specs/engine/patches/engine-api.yaml");
        Assert.Contains(zip.Entries, e => e.FullName == "tools/net10.0/any/DockerApiGen.Runtime.dll");
    }
}

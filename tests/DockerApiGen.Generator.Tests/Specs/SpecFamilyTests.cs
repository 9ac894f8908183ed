using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Specs;

/// <summary>The family descriptors (specs/&lt;family&gt;/family.yaml): what differs between families, as data.</summary>
public sealed class SpecFamilyTests
{
    private static SpecFamily Load(string name) => SpecFamily.Load(TestRepository.Layout.FamilyFolder(name));

    [Fact]
    public void The_engine_has_a_package_per_committed_api_version()
    {
        var engine = Load("engine");
        var v141 = ApiVersion.Parse("1.41");
        Assert.Equal(("Engine API", VersionScheme.Number, "DOCKERAPIGEN_SPEC_SOURCE"), (engine.Title, engine.VersionScheme, engine.MirrorVariable));
        Assert.Equal(("DockerApiGen.Engine.V1_41", "DockerApiGen.Engine.V1_41", "V1_41", "EngineJsonContext"), (engine.PackageName(v141), engine.RootNamespace(v141), engine.SnapshotName(v141), engine.JsonContextName));
        Assert.True(engine.HasPackagePerVersion);
        Assert.Equal(Path.Combine(".cache", "specs"), engine.CacheFolder);
        var specLock = SpecLock.Load(engine.LockPath);
        Assert.True(engine.IsCommitted(ApiVersion.Parse("1.40"), specLock));
        Assert.False(engine.IsCommitted(ApiVersion.Parse("1.39"), specLock));
    }

    [Fact]
    public void The_hub_has_one_package_from_its_newest_dated_snapshot()
    {
        var hub = Load("hub");
        var march = ApiVersion.Parse("2025-03", VersionScheme.Date);
        Assert.Equal(("Hub API", VersionScheme.Date, "DOCKERAPIGEN_HUB_SPEC_SOURCE", false), (hub.Title, hub.VersionScheme, hub.MirrorVariable, hub.EmitClients));
        Assert.Equal(("DockerApiGen.Hub", "DockerApiGen.Hub", "Hub", "HubJsonContext"), (hub.PackageName(march), hub.RootNamespace(march), hub.SnapshotName(march), hub.JsonContextName));
        Assert.False(hub.HasPackagePerVersion);
        var specLock = SpecLock.Load(hub.LockPath, hub.VersionScheme);
        Assert.Equal(["2024-08", "2025-03"], specLock.Entries.Select(e => e.Version.ToString()));
        Assert.True(hub.IsCommitted(march, specLock));
        Assert.False(hub.IsCommitted(ApiVersion.Parse("2024-08", VersionScheme.Date), specLock));
    }

    [Fact]
    public void The_registry_is_a_document_of_the_repository()
    {
        var registry = Load("registry");
        Assert.Null(registry.MirrorVariable);
        Assert.Equal("DockerApiGen.Registry", registry.PackageName(ApiVersion.Parse("1.1")));
        var entry = Assert.Single(SpecLock.Load(registry.LockPath, registry.VersionScheme).Entries);
        Assert.True(entry.IsInRepository);
        Assert.Equal(Path.Combine(registry.Folder, "openapi.yaml"), entry.LocalPath);
    }

    [Fact]
    public void Every_family_folder_has_a_descriptor_that_loads()
    {
        var families = Directory.EnumerateDirectories(TestRepository.Layout.SpecsFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["engine", "hub", "registry"], families);
        Assert.All(families, name => Assert.Equal(name, Load(name!).Name));
    }

    [Fact]
    public void An_unknown_family_lists_the_known_ones()
    {
        var problem = Assert.Single(Assert.Throws<GenerationException>(() => GeneratorInputs.Load(TestRepository.Layout, "swarm")).Problems);
        Assert.Contains("no spec family 'swarm'", problem.Message, StringComparison.Ordinal);
        Assert.Equal("Use one of: engine, hub, registry.", problem.Hint);
    }

    [Theory]
    [InlineData("name: other", "/name", "lives in the folder")]
    [InlineData("versionScheme: semver", "/versionScheme", "not a version scheme")]
    [InlineData("committed: 1.40+", "/committed", "must be `newest`")]
    [InlineData("jsonContext: 2Context", "/jsonContext", "not a C# class name")]
    [InlineData("package: Docker Api", "/package", "dotted C# name")]
    [InlineData("client: maybe", "/client", "must be a mapping")]
    public void A_malformed_descriptor_names_the_key_and_its_line(string replacement, string pointer, string message)
    {
        using var temp = new TempFolder();
        var key = replacement.Split(':')[0];
        var lines = new[] { "name: fam", "title: Fam API", "versionScheme: number", "package: DockerApiGen.Fam", "jsonContext: FamJsonContext", "committed: newest", "client: { class: FamClient, connection: Fam.Http.FamConnection, options: Fam.FamOptions }" }
            .Select(l => l.StartsWith(key + ":", StringComparison.Ordinal) ? replacement : l)
            .ToList();
        var path = temp.Write("specs/fam/family.yaml", string.Join("\n", lines) + "\n");
        var problem = Assert.Single(Assert.Throws<GenerationException>(() => SpecFamily.Load(Path.GetDirectoryName(path)!)).Problems);
        Assert.Equal((path, pointer, lines.IndexOf(replacement) + 1), (problem.File, problem.JsonPointer, problem.Line));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }
}

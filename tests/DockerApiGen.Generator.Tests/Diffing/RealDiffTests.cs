using DockerApiGen.Generator.Diffing;
using DockerApiGen.Generator.Tests.Pipeline;

namespace DockerApiGen.Generator.Tests.Diffing;

/// <summary>The diff over the real specs: changes found by reading the specs, asserted with their level.</summary>
public sealed class RealDiffTests(AllVersionsFixture fixture)
{
    private async Task<IReadOnlyList<ApiChange>> Diff(string from, string to)
    {
        var outputs = await fixture.OutputsAsync();
        return SpecDiffer.Diff(outputs.Single(o => o.Model.Version.ToString() == from).Model, outputs.Single(o => o.Model.Version.ToString() == to).Model);
    }

    [Theory]
    [InlineData("1.39", "1.40", "operation-added", "SystemPingHead", ChangeLevel.NonBreaking)]
    [InlineData("1.39", "1.40", "parameter-added-optional", "ImageBuild/query/outputs", ChangeLevel.NonBreaking)]
    [InlineData("1.39", "1.40", "property-removed-response", "HostConfig.DiskQuota", ChangeLevel.Breaking)]
    [InlineData("1.41", "1.42", "operation-added", "VolumeUpdate", ChangeLevel.NonBreaking)]
    [InlineData("1.41", "1.42", "parameter-added-optional", "ContainerStop/query/signal", ChangeLevel.NonBreaking)]
    [InlineData("1.41", "1.42", "parameter-added-optional", "ImageList/query/shared-size", ChangeLevel.NonBreaking)]
    [InlineData("1.41", "1.42", "property-removed-response", "SystemInfo.ClusterStore", ChangeLevel.Breaking)]
    [InlineData("1.41", "1.42", "property-removed-response", "BuildCache.Parent", ChangeLevel.Breaking)]
    [InlineData("1.41", "1.42", "property-added", "BuildCache.Parents", ChangeLevel.NonBreaking)]
    [InlineData("1.41", "1.42", "response-enum-value-added", "MountType=cluster", ChangeLevel.PossiblyBreaking)]
    [InlineData("1.41", "1.42", "property-removed-request", "ContainerUpdateRequest.KernelMemory", ChangeLevel.PossiblyBreaking)]
    [InlineData("1.41", "1.42", "schema-added", "ClusterVolume", ChangeLevel.NonBreaking)]
    [InlineData("1.41", "1.42", "content-type-changed", "ContainerLogs/produces", ChangeLevel.PossiblyBreaking)]
    [InlineData("1.43", "1.44", "property-removed-response", "ImageSummary.VirtualSize", ChangeLevel.Breaking)]
    [InlineData("1.47", "1.48", "parameter-added-optional", "ImageInspect/query/manifests", ChangeLevel.NonBreaking)]
    [InlineData("1.51", "1.52", "parameter-removed", "BuildPrune/query/keep-storage", ChangeLevel.Breaking)]
    [InlineData("1.51", "1.52", "content-type-changed", "SystemEvents/produces", ChangeLevel.PossiblyBreaking)]
    [InlineData("1.51", "1.52", "property-removed-response", "ContainerConfig.MacAddress", ChangeLevel.Breaking)]
    [InlineData("1.47", "1.48", "parameter-deprecated", "BuildPrune/query/keep-storage", ChangeLevel.NonBreaking)]
    [InlineData("1.39", "1.40", "property-name-case-changed", "OCIDescriptor.mediaType", ChangeLevel.NonBreaking)]
    [InlineData("1.26", "1.27", "property-name-case-changed", "HostConfig.NanoCPUs", ChangeLevel.Breaking)]
    [InlineData("1.51", "1.52", "format-changed", "HostConfig.Dns", ChangeLevel.NonBreaking)]
    [InlineData("1.51", "1.52", "schema-renamed", "PluginSettings", ChangeLevel.Breaking)]
    [InlineData("1.51", "1.52", "property-type-changed", "Interface.Types", ChangeLevel.Breaking)]
    [InlineData("1.51", "1.52", "property-added", "NetworkInspect.Status", ChangeLevel.NonBreaking)]
    public async Task A_known_change_is_found_with_its_level(string from, string to, string rule, string target, ChangeLevel level)
    {
        var changes = await Diff(from, to);
        var change = Assert.Single(changes, c => c.RuleId == rule && c.Target == target);
        Assert.Equal(level, change.Level);
    }

    [Fact]
    public async Task Renamed_schemas_of_v1_52_are_one_change_each_and_not_removals()
    {
        var changes = await Diff("1.51", "1.52");
        string[] renamed = ["PluginSettings", "Port", "PortType", "VolumeCreateOptions", "SystemAuthResponse", "NetworkContainer", "PluginConfigArgs", "PluginConfigInterface", "PluginConfigLinux", "PluginConfigNetwork", "PluginConfigRootfs", "PluginConfigUser", "PluginConfigInterfaceProtocolScheme"];
        Assert.Equal(renamed.Order(StringComparer.Ordinal), changes.Where(c => c.RuleId == "schema-renamed").Select(c => c.Target).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(changes, c => c.RuleId == "schema-removed" && renamed.Contains(c.Target));
        Assert.DoesNotContain(changes, c => c.RuleId is "property-type-changed" or "body-type-changed" && c.Text.Contains("PluginSettings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_adjacent_pair_diffs_without_error_and_each_version_with_itself_is_empty()
    {
        var outputs = await fixture.OutputsAsync();
        for (var i = 0; i < outputs.Count; i++)
        {
            Assert.Empty(SpecDiffer.Diff(outputs[i].Model, outputs[i].Model));
            if (i > 0)
            {
                var forward = SpecDiffer.Diff(outputs[i - 1].Model, outputs[i].Model);
                var backward = SpecDiffer.Diff(outputs[i].Model, outputs[i - 1].Model);
                Assert.Equal(forward.Count(c => c.RuleId == "operation-added"), backward.Count(c => c.RuleId == "operation-removed"));
                Assert.Equal(forward.Count(c => c.RuleId == "schema-added"), backward.Count(c => c.RuleId == "schema-removed"));
            }
        }
    }

    [Fact]
    public async Task The_csharp_surface_diff_finds_removed_members_and_renamed_types()
    {
        var outputs = await fixture.OutputsAsync();
        var surface = outputs.ToDictionary(o => o.Model.Version.ToString(), o => Generator.Surface.PublicSurface.ReadEntries(o.Compilation!));
        var changes = SurfaceDiffer.Diff(surface["1.41"], surface["1.42"]);

        Assert.Equal(ChangeLevel.Breaking, Assert.Single(changes, c => c.RuleId == "csharp-member-removed" && c.Target == "Models.SystemInfo.ClusterStore { get; set; }").Level);
        var renamed = Assert.Single(changes, c => c.RuleId == "csharp-type-renamed");
        Assert.Contains("Models.VolumeUsageData is now Models.UsageData", renamed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(changes, c => c.RuleId == "csharp-type-removed" && c.Target == "Models.VolumeUsageData");
        Assert.Contains(changes, c => c.RuleId == "csharp-member-added" && c.Target == "Models.MountType.Cluster { get; }");
        Assert.Equal(ChangeLevel.NonBreaking, Assert.Single(changes, c => c.Target == "DockerClient.ApiVersion").Level);

        foreach (var version in surface.Keys)
        {
            Assert.Empty(SurfaceDiffer.Diff(surface[version], surface[version]));
        }

        for (var i = 1; i < outputs.Count; i++)
        {
            var forward = SurfaceDiffer.Diff(surface[outputs[i - 1].Model.Version.ToString()], surface[outputs[i].Model.Version.ToString()]);
            var backward = SurfaceDiffer.Diff(surface[outputs[i].Model.Version.ToString()], surface[outputs[i - 1].Model.Version.ToString()]);
            Assert.Equal(forward.Count(c => c.RuleId == "csharp-member-added"), backward.Count(c => c.RuleId == "csharp-member-removed"));
        }
    }

    [Fact]
    public void A_change_of_nullability_alone_is_only_possibly_breaking()
    {
        Generator.Surface.SurfaceEntry Entry(string member, string detail) => new("Models.A", member, detail, string.Empty);
        var type = new Generator.Surface.SurfaceEntry("Models.A", null, "sealed class", string.Empty);
        var changes = SurfaceDiffer.Diff([type, Entry("X { get; set; }", "string [JsonPropertyName(\"X\")]")], [type, Entry("X { get; set; }", "string? [JsonPropertyName(\"X\")]")]);
        Assert.Equal(ChangeLevel.PossiblyBreaking, Assert.Single(changes).Level);
        Assert.Equal("csharp-member-nullability-changed", changes[0].RuleId);
    }
}

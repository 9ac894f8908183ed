using DockerApiGen.Generator.Availability;
using DockerApiGen.Generator.Emitting;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Semantics;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Tests.Availability;

/// <summary>The availability history of the locked specs: known facts from the specs, a few per area across the range, and the property that markers and specs agree.</summary>
public sealed class LockedHistoryTests(LockedHistoryFixture fixture) : IClassFixture<LockedHistoryFixture>
{
    private static ApiVersion V(string version) => ApiVersion.Parse(version);

    private MemberAvailability OperationIn(string version, string operationId)
        => fixture.History.For(V(version)).Operation(fixture.Model(version).Operations.Single(o => o.OperationId == operationId));

    private MemberAvailability OptionIn(string version, string operationId, string wireName)
    {
        var operation = fixture.Model(version).Operations.Single(o => o.OperationId == operationId);
        return fixture.History.For(V(version)).Parameter(operation, operation.Parameters.Single(p => p.WireName == wireName));
    }

    private MemberAvailability PropertyIn(string version, string type, string wireName) => fixture.History.For(V(version)).Property(type, wireName);

    [Theory]
    // Images
    [InlineData("1.55", "ImageAttestations", "1.55", null, null)]
    [InlineData("1.41", "ImageList", null, null, null)]
    // Volumes, swarm configs, distribution, system
    [InlineData("1.44", "VolumeUpdate", "1.42", null, null)]
    [InlineData("1.41", "ConfigCreate", "1.30", null, null)]
    [InlineData("1.40", "DistributionInspect", "1.30", null, null)]
    [InlineData("1.41", "SystemPingHead", "1.40", null, null)]
    [InlineData("1.41", "TaskLogs", "1.29", null, null)]
    // v1.28 renamed the archive operations; the endpoints are as old as the lock.
    [InlineData("1.55", "ContainerArchive", null, null, null)]
    [InlineData("1.55", "PutContainerArchive", null, null, null)]
    public void Operations_are_marked_as_the_specs_say(string version, string operationId, string? since, string? removed, string? deprecated)
        => Assert.Equal(Marker(since, removed, deprecated), OperationIn(version, operationId));

    [Theory]
    [InlineData("1.44", "ContainerStop", "signal", "1.42", null)]
    [InlineData("1.41", "ContainerCreate", "platform", "1.41", null)]
    [InlineData("1.55", "ImageList", "manifests", "1.47", null)]
    [InlineData("1.55", "ImageList", "identity", "1.54", null)]
    [InlineData("1.55", "ImagePush", "platform", "1.46", null)]
    [InlineData("1.55", "SystemDataUsage", "verbose", "1.52", null)]
    [InlineData("1.41", "ImageBuild", "outputs", "1.40", null)]
    [InlineData("1.41", "ContainerStats", "one-shot", "1.41", null)]
    // The prune filters v1.27's docs leave out (patched back), and the X-Registry-Auth no spec declares (patched in from v1.30).
    [InlineData("1.55", "ContainerPrune", "filters", null, null)]
    [InlineData("1.41", "DistributionInspect", "X-Registry-Auth", "1.30", null)]
    public void Options_are_marked_as_the_specs_say(string version, string operationId, string wireName, string? since, string? removed)
        => Assert.Equal(Marker(since, removed, null), OptionIn(version, operationId, wireName));

    [Theory]
    // Containers
    [InlineData("1.55", "HostConfig", "Annotations", "1.43", null, null)]
    [InlineData("1.44", "HealthConfig", "StartInterval", "1.44", null, null)]
    [InlineData("1.45", "MountVolumeOptions", "Subpath", "1.45", null, null)]
    [InlineData("1.41", "HostConfig", "KernelMemory", "1.36", "1.42", "1.41")]
    [InlineData("1.55", "ContainerCreateRequest", "Image", null, null, null)]
    // Images
    [InlineData("1.41", "ImageInspect", "VirtualSize", null, "1.44", "1.43")]
    [InlineData("1.41", "ImageInspect", "Container", null, "1.45", "1.44")]
    [InlineData("1.41", "ImageSummary", "VirtualSize", null, "1.44", null)]
    // v1.39 split ImageConfig off ContainerConfig: its properties keep their history.
    [InlineData("1.41", "ImageConfig", "Hostname", null, "1.50", "1.46")]
    [InlineData("1.41", "ImageConfig", "Cmd", null, null, null)]
    // Networks: v1.41 turned IPAM's config maps into IPAMConfig objects; the keys were there all along.
    [InlineData("1.55", "EndpointSettings", "GwPriority", "1.48", null, null)]
    [InlineData("1.44", "EndpointSettings", "DNSNames", "1.44", null, null)]
    [InlineData("1.41", "NetworkCreateRequest", "CheckDuplicate", null, "1.46", "1.44")]
    [InlineData("1.55", "IPAMConfig", "Subnet", null, null, null)]
    [InlineData("1.55", "PortBinding", "HostIp", null, null, null)]
    // System
    [InlineData("1.41", "SystemInfo", "ClusterStore", "1.32", "1.42", "1.41")]
    [InlineData("1.41", "AuthConfig", "email", null, "1.52", "1.25")]
    // Swarm and services: v1.41's Limit replaced ResourceObject under a task's limits and added Pids.
    [InlineData("1.55", "Limit", "NanoCPUs", null, null, null)]
    [InlineData("1.55", "Limit", "Pids", "1.41", null, null)]
    [InlineData("1.55", "TaskSpecContainerSpec", "OomScoreAdj", "1.46", null, null)]
    // Exec
    [InlineData("1.42", "ExecConfig", "ConsoleSize", "1.42", null, null)]
    // v1.39 renamed VolumeCreateRequest to VolumeCreateOptions, v1.52 back: one lineage.
    [InlineData("1.41", "VolumeCreateOptions", "DriverOpts", null, null, null)]
    [InlineData("1.55", "VolumeCreateRequest", "ClusterVolumeSpec", "1.42", null, null)]
    public void Properties_are_marked_as_the_specs_say(string version, string type, string wireName, string? since, string? removed, string? deprecated)
        => Assert.Equal(Marker(since, removed, deprecated), PropertyIn(version, type, wireName));

    [Fact]
    public void A_renamed_type_is_one_lineage_and_a_reused_name_is_not()
    {
        var lineages = fixture.History.Lineages;
        int Index(string version) => fixture.History.Versions.ToList().IndexOf(V(version));
        Assert.Equal(lineages[Index("1.38")]["VolumeCreateRequest"], lineages[Index("1.41")]["VolumeCreateOptions"]);
        Assert.Equal(lineages[Index("1.41")]["VolumeCreateOptions"], lineages[Index("1.55")]["VolumeCreateRequest"]);
        // v1.30 renamed the container config to ContainerConfig and gave Config to swarm configs.
        Assert.Equal(lineages[Index("1.29")]["Config"], lineages[Index("1.30")]["ContainerConfig"]);
        Assert.NotEqual(lineages[Index("1.29")]["Config"], lineages[Index("1.30")]["Config"]);
    }

    [Fact]
    public void For_each_locked_version_what_is_marked_available_is_in_its_spec_and_what_is_in_its_spec_is_marked_available()
    {
        var history = fixture.History;
        var keys = fixture.Models.Select((m, i) => KeysOf(m, history.Lineages[i])).ToList();

        // A type split off another (or replacing a free-form map) was on the wire before it had its name: its
        // properties count as in the earlier specs where the type (or map) it replaced had them.
        foreach (var inheritance in TypeLineage.Build(fixture.Models).Inheritances.OrderBy(i => i.Version))
        {
            var names = keys[inheritance.Version].Where(k => k.Kind == MemberKind.Property && k.Owner == inheritance.Lineage).Select(k => k.Name).ToList();
            for (var earlier = 0; earlier < inheritance.Version; earlier++)
            {
                foreach (var name in names)
                {
                    var source = inheritance.FromMember ?? MemberKey.Property(inheritance.FromLineage!, name);
                    if (keys[earlier].Contains(source))
                    {
                        keys[earlier].Add(MemberKey.Property(inheritance.Lineage, name));
                    }
                }
            }
        }

        var problems = new List<string>();
        for (var v = 0; v < keys.Count; v++)
        {
            foreach (var key in keys[v])
            {
                // The marker a package of version v prints for this member…
                var marker = history.Availability(key, v);
                for (var w = 0; w < keys.Count; w++)
                {
                    var marked = marker.IsAvailableIn(history.Versions[w]);
                    var inSpec = keys[w].Contains(key);
                    // …says available exactly in the run of versions that holds v: the spec of each has the member, and
                    // the specs just before and after the run do not.
                    var run = history.Members[key].Present.RunOf(v)!.Value;
                    var inRun = w >= run.Start && w <= run.End;
                    var nextToRun = w == run.Start - 1 || w == run.End + 1;
                    if (marked != inRun || (marked && !inSpec) || (nextToRun && inSpec))
                    {
                        problems.Add($"{key}: the v{history.Versions[v]} marker ({marker.Describe()}) says {(marked ? "available" : "absent")} in v{history.Versions[w]}, whose spec {(inSpec ? "has" : "lacks")} it");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
        Assert.True(history.Members.Keys.ToHashSet().SetEquals(keys.SelectMany(k => k)), "the history holds exactly the members of the specs");
    }

    [Fact]
    public void The_only_member_that_leaves_and_comes_back_is_the_descriptor_urls_the_v1_40_to_v1_47_docs_leave_out()
    {
        // Every other such gap was a spec's omission and is patched back (see specs/patches); this one is left, as a
        // response field the markers date from v1.48, where its current run starts.
        var gaps = fixture.History.Members.Where(m => m.Value.Present.Runs.Count > 1).Select(m => m.Key.ToString()).ToList();
        Assert.Equal(["Property|DistributionInspectDescriptor@1.30|urls"], gaps);
    }

    [Fact]
    public void Every_committed_package_marks_members_and_its_markers_are_the_historys()
    {
        foreach (var entry in fixture.Inputs.CommittedEntries)
        {
            var model = fixture.Models.Single(m => m.Version == entry.Version);
            var settings = fixture.Inputs.EmitSettingsFor(entry.Version, entry.Sha256);
            var client = ClientModelBuilder.Build(model, fixture.Inputs.Operations, settings.Names, settings.JsonContextName, fixture.History.For(entry.Version));
            TestContext.Current.TestOutputHelper?.WriteLine($"v{entry.Version}: {client.MarkedMemberCount} members marked Since, {client.BodyShapes.Shapes.Count} body shapes");
            Assert.True(client.MarkedMemberCount > 100, $"v{entry.Version}: {client.MarkedMemberCount}");
            Assert.Equal(fixture.History.Versions[0], client.OldestVersion);
            foreach (var method in client.Methods)
            {
                Assert.True(method.Availability.IsAvailableIn(entry.Version), $"{method.Operation.OperationId} in v{entry.Version}: {method.Availability.Describe()}");
                Assert.All(method.Options?.Properties ?? [], o => Assert.True(o.Availability.IsAvailableIn(entry.Version), $"{method.Options!.Name}.{o.Name}"));
            }

            foreach (var type in client.Types.OfType<ClassDeclaration>())
            {
                Assert.All(type.Properties, p => Assert.Equal(fixture.History.For(entry.Version).Property(type.Name, p.WireName), p.Availability));
            }
        }
    }

    private static HashSet<MemberKey> KeysOf(ApiModel model, IReadOnlyDictionary<string, string> lineages)
    {
        var keys = new HashSet<MemberKey>();
        foreach (var operation in model.Operations)
        {
            keys.Add(MemberKey.Operation(operation));
            keys.UnionWith(operation.Parameters.Select(p => MemberKey.Parameter(operation, p)));
        }

        foreach (var type in model.Types.OfType<ObjectType>())
        {
            keys.UnionWith(type.Properties.Select(p => MemberKey.Property(lineages[type.Name], p.WireName)));
        }

        return keys;
    }

    private static MemberAvailability Marker(string? since, string? removed, string? deprecated)
        => new(since is null ? null : V(since), removed is null ? null : V(removed), deprecated is null ? null : V(deprecated));
}

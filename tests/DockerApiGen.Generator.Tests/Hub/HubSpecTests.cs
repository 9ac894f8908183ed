using System.Text.RegularExpressions;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Patching;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Generator.Tests.Hub;

/// <summary>The two pinned Docker Hub snapshots through every stage up to compiled models: patches, names, the package.</summary>
[Collection("Hub")]
public sealed partial class HubSpecTests(HubFixture fixture)
{
    [Fact]
    public async Task Both_snapshots_load_and_their_models_and_json_context_compile()
    {
        var outputs = await fixture.OutputsAsync();
        Assert.Equal(["2024-08", "2025-03"], outputs.Select(o => o.Model.Version.ToString()));
        Assert.Equal([24, 42], outputs.Select(o => o.Model.Operations.Count));
        Assert.All(outputs, o =>
        {
            Assert.Equal(SpecFormat.OpenApi3, o.Model.Format);
            Assert.NotNull(o.Compilation);
            Assert.True(o.Model.Types.Count > 80, $"{o.Model.Version}: {o.Model.Types.Count} types");
            Assert.Contains(o.Files, f => f.RelativePath == "Generated/HubJsonContext.cs");
            Assert.DoesNotContain(o.Files, f => f.RelativePath.EndsWith(".csproj", StringComparison.Ordinal)); // the Hub package's project file is hand-written
            Assert.DoesNotContain(o.Files, f => f.RelativePath.StartsWith("Generated/Clients/", StringComparison.Ordinal));
            Assert.Contains("namespace DockerApiGen.Hub.Models;", o.Files.Single(f => f.RelativePath == "Generated/Models/Tag.cs").Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Names_are_never_numbered_and_every_operation_has_an_id()
    {
        foreach (var model in (await fixture.OutputsAsync()).Select(o => o.Model))
        {
            Assert.DoesNotContain(model.Types, t => TrailingDigits().IsMatch(t.Name));
            Assert.Equal(model.Operations.Count, model.Operations.Select(o => o.OperationId).Distinct().Count());
            Assert.Contains(model.Operations, o => !o.HasSpecOperationId && o.OperationId == "RepositoryListTags");
        }
    }

    [Fact]
    public async Task The_case_and_kind_clashes_are_resolved_by_the_patches()
    {
        var march = (await fixture.OutputsAsync())[1].Model;
        Assert.NotNull(march.FindType("Error"));
        Assert.NotNull(march.FindType("DetailedError"));
        Assert.NotNull(march.FindType("ScimError"));
        Assert.Equal(NameSource.Component, march.FindType("ScimInternalError")!.NameSource); // the renamed scim_error response's inline schema
        var token = march.Operations.Single(o => o.Path == "/v2/auth/token");
        Assert.Equal(("unauthorized_detailed", (TypeRef?)new NamedRef("DetailedError")), (token.Responses.Single(r => r.StatusCode == "401").ComponentKey, token.Responses.Single(r => r.StatusCode == "401").Type));
        var members = march.Operations.Single(o => o.Method == "GET" && o.Path == "/v2/orgs/{org_name}/members");
        Assert.Equal(new PrimitiveRef(PrimitiveKind.String, null), members.Parameters.Single(p => p.WireName == "search").Type);
        Assert.Equal(new NamedRef("OrgMemberTypeFilter"), members.Parameters.Single(p => p.WireName == "type").Type);
    }

    [Fact]
    public async Task Security_and_servers_come_through()
    {
        var (august, march) = ((await fixture.OutputsAsync())[0].Model, (await fixture.OutputsAsync())[1].Model);
        Assert.Equal(["bearerAuth", "bearerSCIMAuth"], march.SecuritySchemes.Select(s => s.Key));
        Assert.All(march.SecuritySchemes, s => Assert.Equal((SecuritySchemeKind.Http, "bearer"), (s.Kind, s.Scheme)));
        Assert.Equal("bearerSCIMAuth", Assert.Single(august.SecuritySchemes).Key); // declared by a patch
        Assert.Empty(march.Operations.Single(o => o.OperationId == "AuthCreateAccessToken").Security);
        Assert.Equal("bearerAuth", march.Operations.Single(o => o.OperationId == "RepositoryListTags").Security.Single().Schemes.Single().Scheme);
        Assert.Equal("https://hub.docker.com", Assert.Single(march.Servers).Url);
    }

    [Fact]
    public async Task Every_patch_has_a_reason_and_applies_to_a_pinned_snapshot()
    {
        var applied = (await fixture.OutputsAsync()).SelectMany(o => o.Model.Patches.Select(p => p.Id)).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(fixture.Inputs.Patches);
        Assert.All(fixture.Inputs.Patches, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Reason), p.Id);
            Assert.Contains(p.Id, applied);
        });
    }

    [Fact]
    public async Task The_patches_fail_when_they_stop_matching()
    {
        // A snapshot that has the patches' fixes already (as if upstream made them): every patch must fail.
        foreach (var output in await fixture.OutputsAsync())
        {
            var fixedUpstream = output.Spec.Json.DeepClone().AsObject();
            var ex = Assert.Throws<GenerationException>(() => PatchApplier.Apply(fixedUpstream, output.Model.Version, fixture.Inputs.Patches));
            var expected = fixture.Inputs.Patches.Where(p => p.Versions.Contains(output.Model.Version)).Select(p => p.Id).Order(StringComparer.Ordinal);
            Assert.Equal(expected, ex.Problems.Select(p => Regex.Match(p.Message, "Patch '([^']+)'").Groups[1].Value).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Every_declared_operation_name_matches_an_operation_of_a_snapshot()
    {
        var outputs = await fixture.OutputsAsync();
        var operations = outputs.SelectMany(o => o.Model.Operations).Select(o => $"{o.Method} {o.Path}").ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(fixture.Inputs.Naming.OperationNames.Entries);
        Assert.All(fixture.Inputs.Naming.OperationNames.Entries, e => Assert.True(operations.Contains(e.Key), $"{e.Key} (line {e.Value.Line}) matches no operation of a pinned snapshot."));
        Assert.All(fixture.Inputs.Naming.InlineNames.Keys, pointer => Assert.True(
            outputs.Any(o => JsonPointer.Resolve(o.Spec.Json, pointer) is not null),
            $"inlineNames: {pointer} points at nothing in any snapshot."));
    }

    [Fact]
    public async Task Only_the_newest_snapshot_is_committed_as_the_one_package()
    {
        var run = await fixture.RunAsync();
        Assert.Equal("2025-03", Assert.Single(fixture.Inputs.CommittedEntries).Version.ToString());
        Assert.Equal(Path.Combine(fixture.Inputs.Layout.Root, "src", "DockerApiGen.Hub"), fixture.Inputs.ProjectFolder(new ApiVersion(2024, 8, VersionScheme.Date)));
        var drift = run.CheckDrift(await fixture.OutputsAsync());
        Assert.All(drift, d => Assert.StartsWith("src/DockerApiGen.Hub/", d.Path, StringComparison.Ordinal));
    }

    [GeneratedRegex("[0-9]$")]
    private static partial Regex TrailingDigits();
}

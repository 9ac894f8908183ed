using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Registry;

/// <summary>
/// The Registry family through every stage, as the Engine's versions go: the project's own OpenAPI 3 document and
/// operations file into the RegistryApiClient, compiled with the package's hand-written code, its surface snapshot
/// (Snapshots/Registry.verified.txt) and the drift check of the committed Generated/ folder.
/// </summary>
public sealed class RegistryFamilyTests
{
    private static readonly Lazy<Task<(GenerationRun Run, IReadOnlyList<VersionOutput> Outputs)>> Generated = new(async () =>
    {
        var run = new GenerationRun(GeneratorInputs.Load(TestRepository.Layout, "registry"));
        await run.EnsureSpecsAsync(run.Inputs.Lock.Entries, SpecSource.Upstream, CancellationToken.None);
        return (run, await run.GenerateAsync(run.Inputs.Lock.Entries, compile: true, CancellationToken.None));
    });

    [Fact]
    public async Task The_package_compiles_with_a_method_per_operation_its_surface_is_accepted_and_nothing_drifted()
    {
        var (run, outputs) = await Generated.Value;
        var output = Assert.Single(outputs);
        Assert.Equal("1.1", output.Model.Version.ToString());
        Assert.Equal(SpecFormat.OpenApi3, output.Model.Format);
        Assert.Contains(output.Files, f => f.RelativePath == "Generated/RegistryApiClient.cs");
        Assert.DoesNotContain(output.Files, f => f.RelativePath.EndsWith(".csproj", StringComparison.Ordinal));
        Assert.Empty(VersionSetChecks.OutputProblems(run, [output.Model.Version], outputs));
    }

    [Fact]
    public async Task Every_declaration_of_the_operations_file_is_used()
    {
        var (run, outputs) = await Generated.Value;
        var config = run.Inputs.Operations;
        var operations = outputs.Single().Model.Operations;
        Assert.Equal(operations.Select(o => o.Tag).Distinct().Order(StringComparer.Ordinal), config.Areas.Keys.Order(StringComparer.Ordinal));
        Assert.All(config.MethodNames.Keys, id => Assert.Contains(operations, o => o.OperationId == id));
        Assert.All(config.Responses.Keys, id => Assert.Contains(operations, o => o.OperationId == id));
        Assert.All(config.Parameters, declared => Assert.True(
            operations.Any(o => (declared.OperationId is null || o.OperationId == declared.OperationId) && o.Parameters.Any(p => p.WireName == declared.Name)),
            $"{declared.OperationId ?? "(any)"}.{declared.Name} (line {declared.Line}) matches no parameter of the document."));
    }

    [Fact]
    public async Task Upload_sessions_follow_the_location_and_repository_names_keep_their_slashes()
    {
        var (_, outputs) = await Generated.Value;
        var uploads = outputs.Single().Files.Single(f => f.RelativePath == "Generated/Clients/UploadsClient.cs").Text;
        var manifests = outputs.Single().Files.Single(f => f.RelativePath == "Generated/Clients/ManifestsClient.cs").Text;
        Assert.Contains("public virtual Task<HttpResponseMessage> AppendAsync(Uri location, Stream body, BlobUploadChunkOptions? options = null, CancellationToken cancellationToken = default)", uploads, StringComparison.Ordinal);
        Assert.Contains("new DockerRequest(HttpMethod.Put, location, \"BlobUploadComplete\")", uploads, StringComparison.Ordinal);
        Assert.Contains("$\"/v2/{name:segments}/blobs/uploads/\"", uploads, StringComparison.Ordinal);
        Assert.Contains("public virtual Task<HttpResponseMessage> PutAsync(string name, string reference, string contentType, Stream body, CancellationToken cancellationToken = default)", manifests, StringComparison.Ordinal);
    }
}

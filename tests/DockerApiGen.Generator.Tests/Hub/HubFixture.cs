using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Hub;

/// <summary>Pulls both pinned Docker Hub snapshots and generates and compiles each once (models and JSON context) for the Hub tests.</summary>
public sealed class HubFixture
{
    private readonly Lazy<Task<(GenerationRun Run, IReadOnlyList<VersionOutput> Outputs)>> _generated = new(GenerateAsync);

    /// <summary>The Hub family's inputs.</summary>
    public GeneratorInputs Inputs { get; } = GeneratorInputs.Load(TestRepository.Layout, "hub");

    /// <summary>The run over the Hub family.</summary>
    public async Task<GenerationRun> RunAsync() => (await _generated.Value).Run;

    /// <summary>Both snapshots, generated and compiled, oldest first.</summary>
    public async Task<IReadOnlyList<VersionOutput>> OutputsAsync() => (await _generated.Value).Outputs;

    private static async Task<(GenerationRun, IReadOnlyList<VersionOutput>)> GenerateAsync()
    {
        var inputs = GeneratorInputs.Load(TestRepository.Layout, "hub");
        var run = new GenerationRun(inputs);
        await run.EnsureSpecsAsync(inputs.Lock.Entries, TestRepository.HubSource, CancellationToken.None);
        return (run, await run.GenerateAsync(inputs.Lock.Entries, compile: true, CancellationToken.None));
    }
}

/// <summary>The Hub tests share one generation of both snapshots.</summary>
[CollectionDefinition("Hub")]
public sealed class HubCollection : ICollectionFixture<HubFixture>;

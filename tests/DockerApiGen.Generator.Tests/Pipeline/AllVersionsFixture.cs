using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Tests.Support;

[assembly: AssemblyFixture(typeof(DockerApiGen.Generator.Tests.Pipeline.AllVersionsFixture))]

namespace DockerApiGen.Generator.Tests.Pipeline;

/// <summary>
/// Generates and compiles every locked version once for the whole test run (about two minutes on two
/// cores), so that the tests over real specs share one result.
/// </summary>
public sealed class AllVersionsFixture : IAsyncLifetime
{
    private readonly Lazy<Task<(GenerationRun Run, IReadOnlyList<VersionOutput> Outputs)>> _generated = new(GenerateAsync);

    /// <summary>The run (its inputs are the repository's).</summary>
    public async Task<GenerationRun> RunAsync() => (await _generated.Value).Run;

    /// <summary>Every locked version, generated and compiled, ordered by version.</summary>
    public async Task<IReadOnlyList<VersionOutput>> OutputsAsync() => (await _generated.Value).Outputs;

    private static async Task<(GenerationRun, IReadOnlyList<VersionOutput>)> GenerateAsync()
    {
        var inputs = GeneratorInputs.Load(TestRepository.Layout);
        var run = new GenerationRun(inputs);
        await run.EnsureSpecsAsync(inputs.Lock.Entries, TestRepository.SpecSource, CancellationToken.None);
        return (run, await run.GenerateAsync(inputs.Lock.Entries, compile: true, CancellationToken.None));
    }

    /// <inheritdoc />
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

using DockerApiGen.Generator.Availability;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Availability;

/// <summary>Every locked version's model (loaded once, two at a time) and the history built from them, not from the cache.</summary>
public sealed class LockedHistoryFixture : IAsyncLifetime
{
    public GeneratorInputs Inputs { get; } = GeneratorInputs.Load(TestRepository.Layout);

    public IReadOnlyList<ApiModel> Models { get; private set; } = [];

    public ApiHistory History { get; private set; } = ApiHistory.None;

    public ApiModel Model(string version) => Models.Single(m => m.Version == ApiVersion.Parse(version));

    public async ValueTask InitializeAsync()
    {
        await new GenerationRun(Inputs).EnsureSpecsAsync(Inputs.Lock.Entries, TestRepository.SpecSource, CancellationToken.None);
        var catalog = new ModelCatalog(Inputs);
        var models = new ApiModel[Inputs.Lock.Entries.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, models.Length), async (i, token) => models[i] = (await catalog.GetAsync(Inputs.Lock.Entries[i], token)).Model);
        Models = models;
        History = ApiHistoryBuilder.Build(models);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

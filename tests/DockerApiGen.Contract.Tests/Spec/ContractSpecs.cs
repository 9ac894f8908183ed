using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Specs;

namespace DockerApiGen.Contract.Tests.Spec;

/// <summary>
/// The specs the contract tests run against, loaded once per version with the generator's own loader, so
/// the server sees exactly what the generator saw: repaired, patched and validated. The Engine's committed
/// versions from 1.42 (issue 3) and both pinned Docker Hub snapshots (issue 11).
/// </summary>
public static class ContractSpecs
{
    /// <summary>The lowest version the contract tests cover (issue 3: every committed version from 1.42).</summary>
    public static ApiVersion Lowest { get; } = new(1, 42);

    /// <summary>The repository this test assembly was built from.</summary>
    public static RepositoryLayout Layout { get; } = RepositoryLayout.Find(AppContext.BaseDirectory);

    /// <summary>The Engine: every committed version from <see cref="Lowest"/>.</summary>
    public static FamilySpecs Engine { get; } = new(GeneratorInputs.Load(Layout), (inputs, v) => inputs.IsCommitted(v) && v >= Lowest, "DOCKERAPIGEN_SPEC_SOURCE", "docker-engine");

    /// <summary>Docker Hub: every pinned snapshot, the committed one and the older ones.</summary>
    public static FamilySpecs Hub { get; } = new(GeneratorInputs.Load(Layout, "hub"), (_, _) => true, "DOCKERAPIGEN_HUB_SPEC_SOURCE", "docker-hub");

    /// <summary>The Engine's generator inputs (lock, patches, committed range).</summary>
    public static GeneratorInputs Inputs => Engine.Inputs;

    /// <summary>Every committed Engine version the contract tests cover, in order.</summary>
    public static IReadOnlyList<ApiVersion> Versions => Engine.Versions;

    /// <summary>The spec of an Engine version, pulled into the cache if missing, loaded and indexed once.</summary>
    /// <param name="version">The version (a locked one; those below <see cref="Lowest"/> serve as older daemons for negotiation).</param>
    public static Task<ContractSpec> GetAsync(ApiVersion version) => Engine.GetAsync(version);
}

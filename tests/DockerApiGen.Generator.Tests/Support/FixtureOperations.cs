using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Generator.Tests.Support;

/// <summary>Operations declarations for the fixture specs (tags System and Widget).</summary>
public static class FixtureOperations
{
    /// <summary>Areas for both tags; ping read from headers.</summary>
    public static OperationsConfig Config { get; } = new(
        new Dictionary<string, AreaConfig>
        {
            ["System"] = new("System", "System", "System"),
            ["Widget"] = new("Widget", "Widgets", "Widget"),
        },
        new Dictionary<string, string>(),
        new Dictionary<string, ResponseSemantics> { ["SystemPing"] = new("SystemPing", ResponseKind.Headers, null, "tcp", false, null) { Result = "DockerApiGen.Runtime.Responses.PingResult" } },
        [],
        "fixture-operations.yaml");

    /// <summary>Builds a fixture model's client model with these declarations (or others).</summary>
    /// <param name="model">The fixture model.</param>
    /// <param name="config">Other declarations, if any.</param>
    public static ClientModel Client(DockerApiGen.Generator.Model.ApiModel model, OperationsConfig? config = null)
        => ClientModelBuilder.Build(model, config ?? Config, Settings.Names, Settings.JsonContextName);

    /// <summary>The settings fixture versions are emitted with (v9.1).</summary>
    public static DockerApiGen.Generator.Emitting.EmitSettings Settings { get; } = FixtureSettings.For("9.1");
}

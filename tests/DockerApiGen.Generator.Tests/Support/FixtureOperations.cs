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
        new Dictionary<string, ResponseSemantics> { ["SystemPing"] = new("SystemPing", ResponseKind.Ping, null, "tcp", false, null) },
        [],
        "fixture-operations.yaml");
}

using System.Text.Json.Serialization;

namespace DockerApiGen.Generator.Tests.Support;

/// <summary>Source-generated JSON for the upstream stand-in's listings.</summary>
[JsonSerializable(typeof(List<Dictionary<string, string>>))]
internal sealed partial class StandInJson : JsonSerializerContext;

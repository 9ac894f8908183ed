using System.Text.Json.Serialization;

namespace DockerApiGen.Hub.Tests.Support;

/// <summary>Bodies tests send through the connection.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class AnswerJsonContext : JsonSerializerContext
{
}

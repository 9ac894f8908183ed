using System.Text.Json.Serialization;

namespace DockerApiGen.Registry.Json;

/// <summary>The source-generated JSON metadata of the hand-written registry runtime: no reflection, AOT safe.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext
{
}

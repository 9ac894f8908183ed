using System.Text.Json.Serialization;

namespace DockerApiGen.Registry.Json;

/// <summary>The source-generated JSON metadata of the hand-written registry runtime (token answers, error bodies): no reflection, AOT safe. The generated models have their own, RegistryJsonContext.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class RegistryRuntimeJsonContext : JsonSerializerContext
{
}

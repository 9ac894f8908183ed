using System.Text.Json.Serialization;

namespace DockerApiGen.Hub.Json;

/// <summary>The source-generated JSON metadata of the hand-written Hub runtime: no reflection, trimming and AOT safe.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AccessTokenRequest))]
[JsonSerializable(typeof(UsersLoginRequest))]
[JsonSerializable(typeof(TwoFactorLoginRequest))]
[JsonSerializable(typeof(TokenAnswer))]
internal sealed partial class HubJsonContext : JsonSerializerContext
{
}

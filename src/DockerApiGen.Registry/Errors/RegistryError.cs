using System.Text.Json;

namespace DockerApiGen.Registry.Errors;

/// <summary>One entry of a registry's error body, <c>{"errors":[{"code":…,"message":…,"detail":…}]}</c>.</summary>
/// <param name="Code">The error's code.</param>
/// <param name="Message">The registry's message, possibly empty.</param>
/// <param name="Detail">Whatever the registry added (for UNAUTHORIZED, the access it needed), or null.</param>
public sealed record RegistryError(RegistryErrorCode Code, string? Message, JsonElement? Detail)
{
    /// <summary><c>CODE: message</c>.</summary>
    public override string ToString() => string.IsNullOrEmpty(Message) ? Code.Value : Code.Value + ": " + Message;
}

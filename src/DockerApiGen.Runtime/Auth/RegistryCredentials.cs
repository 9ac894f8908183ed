using System.Text.Json;

namespace DockerApiGen.Runtime.Auth;

/// <summary>
/// Credentials for a registry, sent in <c>X-Registry-Auth</c> as base64url of a JSON auth config
/// (standard base64 breaks for passwords whose encoding holds <c>+</c> or <c>/</c>). The password and
/// tokens never appear in <see cref="ToString"/>.
/// </summary>
/// <param name="Username">The user name, if any.</param>
/// <param name="Password">The password, if any.</param>
/// <param name="ServerAddress">The registry, e.g. <c>127.0.0.1:5000</c>.</param>
/// <param name="IdentityToken">An identity token instead of a password, if any.</param>
public sealed record RegistryCredentials(string? Username, string? Password, string? ServerAddress, string? IdentityToken = null)
{
    /// <summary>
    /// The <c>X-Registry-Auth</c> value: base64url of <c>{"username":…,"password":…,"serveraddress":…}</c>,
    /// padded as the docker CLI sends it (the daemon decodes with Go's padded URL alphabet).
    /// </summary>
    public string ToHeaderValue()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteObject(json);
        }

        return ToPaddedBase64Url(buffer.ToArray());
    }

    /// <summary>The <c>X-Registry-Config</c> value (builds): base64url of a JSON map of registry address to auth config.</summary>
    /// <param name="registries">Registry address → credentials.</param>
    public static string ToConfigHeaderValue(IReadOnlyDictionary<string, RegistryCredentials> registries)
    {
        ArgumentNullException.ThrowIfNull(registries);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (registry, credentials) in registries.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                json.WritePropertyName(registry);
                credentials.WriteObject(json);
            }

            json.WriteEndObject();
        }

        return ToPaddedBase64Url(buffer.ToArray());
    }

    private void WriteObject(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        WriteIfSet(json, "username", Username);
        WriteIfSet(json, "password", Password);
        WriteIfSet(json, "serveraddress", ServerAddress);
        WriteIfSet(json, "identitytoken", IdentityToken);
        json.WriteEndObject();
    }

    private static string ToPaddedBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');

    /// <inheritdoc />
    public override string ToString()
        => $"RegistryCredentials {{ Username = {Username}, ServerAddress = {ServerAddress}, Password = {(Password is null ? "none" : "***")}, IdentityToken = {(IdentityToken is null ? "none" : "***")} }}";

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}

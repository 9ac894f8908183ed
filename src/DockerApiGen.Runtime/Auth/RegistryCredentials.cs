using System.Buffers.Text;
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
    /// <summary>The header value: base64url (no padding) of <c>{"username":…,"password":…,"serveraddress":…}</c>.</summary>
    public string ToHeaderValue()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteIfSet(json, "username", Username);
            WriteIfSet(json, "password", Password);
            WriteIfSet(json, "serveraddress", ServerAddress);
            WriteIfSet(json, "identitytoken", IdentityToken);
            json.WriteEndObject();
        }

        return Base64Url.EncodeToString(buffer.ToArray());
    }

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

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DockerApiGen.Runtime.Configuration;

/// <summary>
/// Reads the docker CLI's context store: <c>contexts/meta/&lt;sha256 of name&gt;/meta.json</c> (the endpoint) and
/// <c>contexts/tls/&lt;sha256 of name&gt;/docker/{ca,cert,key}.pem</c> (TLS material), under the config folder
/// (<c>DOCKER_CONFIG</c> or <c>~/.docker</c>). The store is keyed by digest so that any name is a valid folder.
/// </summary>
/// <param name="configDirectory">The docker config folder.</param>
public sealed class DockerContextStore(string configDirectory)
{
    /// <summary>The docker config folder the store lives in.</summary>
    public string ConfigDirectory { get; } = string.IsNullOrEmpty(configDirectory) ? throw new ArgumentException("The config folder is empty.", nameof(configDirectory)) : configDirectory;

    /// <summary>The folder of context metadata, <c>contexts/meta</c>.</summary>
    public string MetaDirectory => Path.Combine(ConfigDirectory, "contexts", "meta");

    /// <summary>The folder of context TLS material, <c>contexts/tls</c>.</summary>
    public string TlsDirectory => Path.Combine(ConfigDirectory, "contexts", "tls");

    /// <summary>The store folder name of a context: lower-case hex SHA-256 of its name, as the docker CLI computes it.</summary>
    /// <param name="name">The context's name.</param>
    public static string DigestOf(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    /// <summary>Reads a context.</summary>
    /// <param name="name">The context's name (not <see cref="DockerContext.DefaultName"/>, which has no stored entry).</param>
    /// <param name="setting">Where the name came from, for the error (e.g. <c>DOCKER_CONTEXT</c>).</param>
    /// <exception cref="DockerConfigurationException">The context does not exist or its metadata cannot be read.</exception>
    public DockerContext Load(string name, string setting)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var digest = DigestOf(name);
        var metaFile = Path.Combine(MetaDirectory, digest, "meta.json");
        if (!File.Exists(metaFile))
        {
            throw new DockerConfigurationException(setting,
                $"The docker context '{name}' (from {setting}) does not exist: there is no {metaFile}. "
                + $"List the contexts with 'docker context ls', create it with 'docker context create {name} --docker host=…', or choose another context in {setting}.");
        }

        string? host;
        bool skipTlsVerify;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(metaFile));
            (host, skipTlsVerify) = ReadDockerEndpoint(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new DockerConfigurationException(setting, $"The docker context '{name}' (from {setting}) cannot be read from {metaFile}: {ex.Message}. Recreate it with 'docker context rm {name}' and 'docker context create'.", ex);
        }

        var tlsFolder = Path.Combine(TlsDirectory, digest, "docker");
        return new DockerContext(name, host, skipTlsVerify, IfExists(tlsFolder, "ca.pem"), IfExists(tlsFolder, "cert.pem"), IfExists(tlsFolder, "key.pem"));
    }

    private static (string? Host, bool SkipTlsVerify) ReadDockerEndpoint(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("Endpoints", out var endpoints) && endpoints.ValueKind == JsonValueKind.Object
            && endpoints.TryGetProperty("docker", out var docker) && docker.ValueKind == JsonValueKind.Object)
        {
            var host = docker.TryGetProperty("Host", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
            var skip = docker.TryGetProperty("SkipTLSVerify", out var s) && s.ValueKind == JsonValueKind.True;
            return (string.IsNullOrEmpty(host) ? null : host, skip);
        }

        return (null, false);
    }

    private static string? IfExists(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        return File.Exists(path) ? path : null;
    }
}

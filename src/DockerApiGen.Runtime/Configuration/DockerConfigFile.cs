using System.Text.Json;

namespace DockerApiGen.Runtime.Configuration;

/// <summary>
/// What this client reads from the docker CLI's <c>config.json</c>: the current context, the stored registry
/// logins (<c>auths</c>) and the credential helpers (<c>credsStore</c>, <c>credHelpers</c>). Other fields are
/// ignored. Parsed with <see cref="JsonDocument"/>, so no reflection is involved.
/// </summary>
public sealed class DockerConfigFile
{
    private DockerConfigFile(string path, string? currentContext, IReadOnlyDictionary<string, StoredAuth> auths, string? credentialsStore, IReadOnlyDictionary<string, string> credentialHelpers)
    {
        Path = path;
        CurrentContext = currentContext;
        Auths = auths;
        CredentialsStore = credentialsStore;
        CredentialHelpers = credentialHelpers;
    }

    /// <summary>The file this was read from (it may not exist: then every field is empty).</summary>
    public string Path { get; }

    /// <summary><c>currentContext</c>: the context <c>docker context use</c> selected, or null.</summary>
    public string? CurrentContext { get; }

    /// <summary><c>auths</c>: registry (as written in the file) → stored login.</summary>
    public IReadOnlyDictionary<string, StoredAuth> Auths { get; }

    /// <summary><c>credsStore</c>: the helper (<c>docker-credential-&lt;name&gt;</c>) that holds every login, or null.</summary>
    public string? CredentialsStore { get; }

    /// <summary><c>credHelpers</c>: registry → helper name, taking precedence over <see cref="CredentialsStore"/>.</summary>
    public IReadOnlyDictionary<string, string> CredentialHelpers { get; }

    /// <summary>Reads <c>config.json</c> from the environment's config folder (<c>DOCKER_CONFIG</c> or <c>~/.docker</c>).</summary>
    /// <param name="environment">The environment.</param>
    /// <exception cref="DockerConfigurationException">The file exists but is not valid JSON.</exception>
    public static DockerConfigFile Load(DockerEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Load(System.IO.Path.Combine(environment.ConfigDirectory, "config.json"));
    }

    /// <summary>Reads a <c>config.json</c>; a missing file reads as empty, as the docker CLI treats it.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="DockerConfigurationException">The file exists but is not valid JSON.</exception>
    public static DockerConfigFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            return new DockerConfigFile(path, null, new Dictionary<string, StoredAuth>(), null, new Dictionary<string, string>());
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("The root is not an object.");
            }

            return new DockerConfigFile(path, StringProperty(root, "currentContext"), ReadAuths(root), StringProperty(root, "credsStore"), ReadStringMap(root, "credHelpers"));
        }
        catch (JsonException ex)
        {
            // The message of a JsonException names a position, never the file's content, so no credential leaks.
            throw new DockerConfigurationException(path, $"The docker config {path} is not valid JSON ({ex.Message}). Fix or remove the file, or point DOCKER_CONFIG at another folder.", ex);
        }
    }

    private static Dictionary<string, StoredAuth> ReadAuths(JsonElement root)
    {
        var auths = new Dictionary<string, StoredAuth>(StringComparer.Ordinal);
        if (root.TryGetProperty("auths", out var element) && element.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in element.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Object)
                {
                    auths[entry.Name] = new StoredAuth(
                        StringProperty(entry.Value, "auth"),
                        StringProperty(entry.Value, "username"),
                        StringProperty(entry.Value, "password"),
                        StringProperty(entry.Value, "identitytoken"));
                }
            }
        }

        return auths;
    }

    private static Dictionary<string, string> ReadStringMap(JsonElement root, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in element.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.String && entry.Value.GetString() is { Length: > 0 } value)
                {
                    map[entry.Name] = value;
                }
            }
        }

        return map;
    }

    private static string? StringProperty(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}

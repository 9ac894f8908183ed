using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DockerApiGen.Runtime.Configuration;

namespace DockerApiGen.Runtime.Auth;

/// <summary>
/// Finds the login for a registry where the docker CLI keeps it: a credential helper for that registry
/// (<c>credHelpers</c>), else the store for all registries (<c>credsStore</c>), else <c>auths</c> in the docker
/// config (base64 <c>user:password</c> or an identity token). A helper is run as the CLI runs it:
/// <c>docker-credential-NAME get</c> with the registry on stdin and a JSON answer on stdout. Errors never hold a
/// secret.
/// </summary>
public sealed class RegistryCredentialStore
{
    /// <summary>The key under which the docker CLI stores Docker Hub's login.</summary>
    public const string DockerHubKey = "https://index.docker.io/v1/";

    private static readonly TimeSpan HelperTimeout = TimeSpan.FromSeconds(30);
    private readonly DockerConfigFile _config;
    private readonly DockerEnvironment _environment;

    /// <summary>Creates a store over a read config file.</summary>
    /// <param name="config">The docker config.</param>
    /// <param name="environment">The environment, whose <c>PATH</c> is searched for credential helpers.</param>
    public RegistryCredentialStore(DockerConfigFile config, DockerEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        _config = config;
        _environment = environment;
    }

    /// <summary>A store over the environment's docker config (<c>DOCKER_CONFIG</c> or <c>~/.docker</c>).</summary>
    /// <param name="environment">The environment; null for the process's.</param>
    public static RegistryCredentialStore Load(DockerEnvironment? environment = null)
    {
        environment ??= DockerEnvironment.FromProcess();
        return new RegistryCredentialStore(DockerConfigFile.Load(environment), environment);
    }

    /// <summary>
    /// The stored login for <paramref name="registry"/> (<c>127.0.0.1:5000</c>, <c>ghcr.io</c>, <c>docker.io</c>),
    /// or null when none is stored (pull anonymously).
    /// </summary>
    /// <param name="registry">The registry as an image reference names it, or a URL.</param>
    /// <param name="cancellationToken">Cancels running a helper.</param>
    /// <exception cref="DockerConfigurationException">A helper is missing or failed, or a stored login is malformed.</exception>
    public async Task<RegistryCredentials?> GetAsync(string registry, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        var key = ToKey(registry);
        var host = ToHostname(key);
        if (_config.CredentialHelpers.FirstOrDefault(h => ToHostname(h.Key) == host) is { Value: { } helper })
        {
            return await FromHelperAsync(helper, key, $"credHelpers in {_config.Path}", cancellationToken).ConfigureAwait(false);
        }

        if (_config.CredentialsStore is { } store)
        {
            return await FromHelperAsync(store, key, $"credsStore in {_config.Path}", cancellationToken).ConfigureAwait(false);
        }

        var entry = _config.Auths.TryGetValue(key, out var exact) ? exact : _config.Auths.FirstOrDefault(a => ToHostname(a.Key) == host).Value;
        return entry is null ? null : FromStoredAuth(entry, key);
    }

    /// <summary>
    /// The key the docker CLI stores a registry's login under: <see cref="DockerHubKey"/> for Docker Hub, else the
    /// host (and port) without scheme or path.
    /// </summary>
    /// <param name="registry">A registry name or URL.</param>
    public static string ToKey(string registry)
    {
        var host = ToHostname(registry);
        return host is "docker.io" or "index.docker.io" or "registry-1.docker.io" ? DockerHubKey : host;
    }

    private static string ToHostname(string registry)
    {
        var text = registry.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return (slash >= 0 ? text[..slash] : text).ToLowerInvariant();
    }

    private RegistryCredentials FromStoredAuth(StoredAuth entry, string key)
    {
        string? username = entry.Username, password = entry.Password;
        if (entry.Auth is { } auth)
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
            }
            catch (FormatException ex)
            {
                throw new DockerConfigurationException($"auths in {_config.Path}", $"The stored login for {key} in {_config.Path} is not valid base64. Log in again with 'docker login {key}'.", ex);
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new DockerConfigurationException($"auths in {_config.Path}", $"The stored login for {key} in {_config.Path} is not 'user:password' in base64. Log in again with 'docker login {key}'.");
            }

            username = decoded[..colon];
            password = decoded[(colon + 1)..];
        }

        return new RegistryCredentials(username, password, key, entry.IdentityToken);
    }

    private async Task<RegistryCredentials?> FromHelperAsync(string helper, string key, string setting, CancellationToken cancellationToken)
    {
        var program = "docker-credential-" + helper;
        var path = FindOnPath(program)
            ?? throw new DockerConfigurationException(setting, $"The credential helper {program} (from {setting}) is not on PATH. Install it, or remove it from the docker config.");
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        start.ArgumentList.Add("get");
        using var process = Process.Start(start) ?? throw new DockerConfigurationException(setting, $"The credential helper {path} (from {setting}) did not start.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(HelperTimeout);
        try
        {
            await process.StandardInput.WriteAsync(key.AsMemory(), limit.Token).ConfigureAwait(false);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            var stdout = await output.ConfigureAwait(false);
            var stderr = await errors.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                // The helper protocol's answer when the registry has no stored login.
                if (stdout.Contains("credentials not found", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                // On failure a helper prints an error, not a secret.
                throw new DockerConfigurationException(setting, $"The credential helper {program} (from {setting}) failed for {key} with exit code {process.ExitCode}: {Shorten(stdout + " " + stderr)}. Check the helper, or log in again with 'docker login {key}'.");
            }

            return ParseHelperAnswer(stdout, key, program, setting);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new DockerConfigurationException(setting, $"The credential helper {program} (from {setting}) did not answer for {key} within {HelperTimeout.TotalSeconds:0} s (it may be waiting for a prompt). Unlock the store or log in again.");
        }
    }

    private static RegistryCredentials ParseHelperAnswer(string stdout, string key, string program, string setting)
    {
        try
        {
            using var document = JsonDocument.Parse(stdout);
            var root = document.RootElement;
            var username = root.TryGetProperty("Username", out var u) ? u.GetString() : null;
            var secret = root.TryGetProperty("Secret", out var s) ? s.GetString() : null;
            // The helper protocol marks an identity token with the user name "<token>".
            return username == "<token>"
                ? new RegistryCredentials(null, null, key, secret)
                : new RegistryCredentials(username, secret, key);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not echoing stdout: it may hold a secret.
            throw new DockerConfigurationException(setting, $"The credential helper {program} (from {setting}) answered for {key} with something that is not the helper protocol's JSON ({{\"Username\":…,\"Secret\":…}}). Check the helper's version.", ex);
        }
    }

    private string? FindOnPath(string program)
    {
        var names = OperatingSystem.IsWindows() ? new[] { program + ".exe", program + ".cmd", program + ".bat" } : [program];
        foreach (var folder in (_environment.Get("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string Shorten(string text)
    {
        text = text.Trim();
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}

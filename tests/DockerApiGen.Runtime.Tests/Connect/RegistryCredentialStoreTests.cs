using System.Text;
using System.Text.Json;
using DockerApiGen.Runtime.Auth;
using DockerApiGen.Runtime.Configuration;
using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Tests.Connect.Support;
using DockerApiGen.Tests.Shared;

namespace DockerApiGen.Runtime.Tests.Connect;

/// <summary>Registry logins from the docker config's <c>auths</c> and from credential helpers run by the helper protocol.</summary>
public sealed class RegistryCredentialStoreTests
{
    private const string HelperScript = """
        #!/bin/sh
        # A credential helper speaking the docker-credential-helpers protocol, for tests.
        [ "$1" = get ] || exit 2
        read -r server || true
        printf '%s' "$server" > "$(dirname "$0")/asked"
        case "$server" in
          127.0.0.1:5000) echo '{"ServerURL":"127.0.0.1:5000","Username":"helperuser","Secret":"helper-secret"}' ;;
          tokens.example) echo '{"ServerURL":"tokens.example","Username":"<token>","Secret":"refresh-token"}' ;;
          broken.example) echo 'the keychain is locked' >&2; exit 3 ;;
          *) echo 'credentials not found in native keychain'; exit 1 ;;
        esac
        """;

    [Fact]
    public async Task Reads_base64_user_and_password_from_auths_and_keeps_the_password_out_of_ToString()
    {
        using var config = new TempFolder();
        WriteConfig(config.Path, """{"auths":{"https://127.0.0.1:5000/v2/":{"auth":"AUTH"},"tokens.example":{"identitytoken":"secret-token"}}}""".Replace("AUTH", Base64("testuser:pa:ss"), StringComparison.Ordinal));
        var store = RegistryCredentialStore.Load(Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path)));

        var login = await store.GetAsync("127.0.0.1:5000", TestContext.Current.CancellationToken);
        Assert.Equal(new RegistryCredentials("testuser", "pa:ss", "127.0.0.1:5000"), login);
        Assert.DoesNotContain("pa:ss", login!.ToString(), StringComparison.Ordinal);

        var token = await store.GetAsync("https://tokens.example/v2/", TestContext.Current.CancellationToken);
        Assert.Equal("secret-token", token!.IdentityToken);
        Assert.DoesNotContain("secret-token", token.ToString(), StringComparison.Ordinal);
        Assert.Null(await store.GetAsync("elsewhere.example", TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Docker_hub_names_map_to_the_key_the_docker_cli_uses()
    {
        Assert.Equal("https://index.docker.io/v1/", RegistryCredentialStore.ToKey("docker.io"));
        Assert.Equal("https://index.docker.io/v1/", RegistryCredentialStore.ToKey("https://index.docker.io/v1/"));
        Assert.Equal("ghcr.io", RegistryCredentialStore.ToKey("https://ghcr.io/v2/"));
    }

    [Fact]
    public async Task Runs_the_registry_s_credential_helper_with_the_registry_on_stdin()
    {
        using var config = new TempFolder();
        var helperFolder = WriteHelper(config.Path);
        WriteConfig(config.Path, """{"auths":{"127.0.0.1:5000":{"auth":"bm90OnVzZWQ="}},"credHelpers":{"127.0.0.1:5000":"dagtest"}}""");
        var store = RegistryCredentialStore.Load(Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path), ("PATH", helperFolder + ":/usr/bin:/bin")));

        var login = await store.GetAsync("127.0.0.1:5000", TestContext.Current.CancellationToken);
        Assert.Equal(new RegistryCredentials("helperuser", "helper-secret", "127.0.0.1:5000"), login);
        Assert.Equal("127.0.0.1:5000", File.ReadAllText(Path.Combine(helperFolder, "asked")));
    }

    [Fact]
    public async Task A_creds_store_answers_identity_tokens_and_not_found()
    {
        using var config = new TempFolder();
        var helperFolder = WriteHelper(config.Path);
        WriteConfig(config.Path, """{"credsStore":"dagtest"}""");
        var store = RegistryCredentialStore.Load(Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path), ("PATH", helperFolder + ":/usr/bin:/bin")));

        var token = await store.GetAsync("tokens.example", TestContext.Current.CancellationToken);
        Assert.Equal(new RegistryCredentials(null, null, "tokens.example", "refresh-token"), token);
        Assert.Null(await store.GetAsync("docker.io", TestContext.Current.CancellationToken));
        Assert.Equal("https://index.docker.io/v1/", File.ReadAllText(Path.Combine(helperFolder, "asked")));
    }

    [Fact]
    public async Task A_failing_helper_gives_its_exit_code_and_message()
    {
        using var config = new TempFolder();
        var helperFolder = WriteHelper(config.Path);
        WriteConfig(config.Path, """{"credsStore":"dagtest"}""");
        var store = RegistryCredentialStore.Load(Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path), ("PATH", helperFolder + ":/usr/bin:/bin")));

        var error = await Assert.ThrowsAsync<DockerConfigurationException>(() => store.GetAsync("broken.example", TestContext.Current.CancellationToken));
        Assert.Equal($"The credential helper docker-credential-dagtest (from credsStore in {Path.Combine(config.Path, "config.json")}) failed for broken.example with exit code 3: the keychain is locked. Check the helper, or log in again with 'docker login broken.example'.", error.Message);
    }

    [Fact]
    public async Task A_helper_missing_from_path_says_to_install_it()
    {
        using var config = new TempFolder();
        WriteConfig(config.Path, """{"credsStore":"no-such-helper"}""");
        var store = RegistryCredentialStore.Load(Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path), ("PATH", config.Path)));

        var error = await Assert.ThrowsAsync<DockerConfigurationException>(() => store.GetAsync("ghcr.io", TestContext.Current.CancellationToken));
        Assert.Equal($"The credential helper docker-credential-no-such-helper (from credsStore in {Path.Combine(config.Path, "config.json")}) is not on PATH. Install it, or remove it from the docker config.", error.Message);
    }

    [Fact]
    public async Task A_malformed_stored_login_never_shows_its_content()
    {
        using var config = new TempFolder();
        WriteConfig(config.Path, """{"auths":{"ghcr.io":{"auth":"%%secret-ish%%"}}}""");
        var store = RegistryCredentialStore.Load(Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path)));

        var error = await Assert.ThrowsAsync<DockerConfigurationException>(() => store.GetAsync("ghcr.io", TestContext.Current.CancellationToken));
        Assert.DoesNotContain("secret-ish", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Log in again with 'docker login ghcr.io'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_stored_by_the_real_docker_login_is_accepted_by_the_daemon_and_registry()
    {
        var socket = TestDaemon.SocketOrSkip();
        var docker = Components.Find("docker");
        var registry = Environment.GetEnvironmentVariable("DOCKERAPIGEN_TEST_REGISTRY");
        var user = Environment.GetEnvironmentVariable("DOCKERAPIGEN_TEST_REGISTRY_USER");
        var password = Environment.GetEnvironmentVariable("DOCKERAPIGEN_TEST_REGISTRY_PASSWORD");
        Components.RequireNoProblem(docker is null ? "the docker CLI is not installed."
            : registry is null || user is null || password is null ? "the test registry's variables are not set; source .test-daemon/env." : null);
        using var config = new TempFolder();
        var login = await ProcessRunner.RunAsync(docker!, ["login", registry!, "--username", user!, "--password-stdin"],
            new Dictionary<string, string?> { ["DOCKER_CONFIG"] = config.Path, ["DOCKER_HOST"] = "unix://" + socket, ["DOCKER_CONTEXT"] = null }, stdin: password);
        Assert.True(login.ExitCode == 0, login.ToString());

        var credentials = await RegistryCredentialStore.Load(Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path))).GetAsync(registry!, TestContext.Current.CancellationToken);
        Assert.Equal(new RegistryCredentials(user, password, registry), credentials);

        // The daemon checks the login against the registry.
        using var transport = new UnixSocketTransport(socket);
        using var http = new HttpClient(transport.CreateHandler()) { BaseAddress = transport.BaseAddress };
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["username"] = credentials!.Username!, ["password"] = credentials.Password!, ["serveraddress"] = credentials.ServerAddress! }, ContextJson.Default.DictionaryStringString);
        using var answer = await http.PostAsync("v1.41/auth", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Contains("Login Succeeded", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static void WriteConfig(string folder, string json) => File.WriteAllText(Path.Combine(folder, "config.json"), json);

    private static string WriteHelper(string folder)
    {
        var bin = Path.Combine(folder, "bin");
        Directory.CreateDirectory(bin);
        var helper = Path.Combine(bin, "docker-credential-dagtest");
        File.WriteAllText(helper, HelperScript.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return bin;
    }
}

using DockerApiGen.Runtime.Configuration;
using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Tests.Connect.Support;
using DockerApiGen.Tests.Shared;

namespace DockerApiGen.Runtime.Tests.Connect;

/// <summary>
/// The docker CLI's order of precedence (options, DOCKER_HOST, DOCKER_CONTEXT, currentContext, default) against the
/// project's test daemon, with context stores written by the test and by the real <c>docker context create</c>.
/// </summary>
public sealed class ContextResolutionTests
{
    private const string Nowhere = "unix:///nonexistent/dockerapigen.sock";

    [Fact]
    public async Task A_context_written_to_the_store_is_used_through_docker_context()
    {
        var socket = TestDaemon.SocketOrSkip();
        using var config = new TempFolder();
        ContextStoreWriter.Write(config.Path, "dag-test", "unix://" + socket);
        using var transport = DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path), ("DOCKER_CONTEXT", "dag-test")));

        Assert.Equal("unix://" + socket, transport.Endpoint);
        await Daemon.PingVersionAndListAsync(transport);
    }

    [Fact]
    public async Task The_current_context_of_the_docker_config_is_used_when_nothing_else_is_set()
    {
        var socket = TestDaemon.SocketOrSkip();
        using var home = new TempFolder();
        var config = Path.Combine(home.Path, ".docker");
        ContextStoreWriter.Write(config, "dag-current", "unix://" + socket);
        ContextStoreWriter.SetCurrentContext(config, "dag-current");
        using var transport = DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(home.Path));

        Assert.Equal("unix://" + socket, transport.Endpoint);
        await Daemon.PingVersionAndListAsync(transport);
    }

    [Fact]
    public async Task A_context_made_by_the_real_docker_cli_is_honoured()
    {
        var socket = TestDaemon.SocketOrSkip();
        var docker = Components.Find("docker");
        Components.RequireNoProblem(docker is null ? "the docker CLI is not installed." : null);
        using var config = new TempFolder();
        var created = await ProcessRunner.RunAsync(docker!, ["context", "create", "dag-cli", "--docker", $"host=unix://{socket}"],
            new Dictionary<string, string?> { ["DOCKER_CONFIG"] = config.Path, ["DOCKER_HOST"] = null, ["DOCKER_CONTEXT"] = null });
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.True(File.Exists(Path.Combine(config.Path, "contexts", "meta", DockerContextStore.DigestOf("dag-cli"), "meta.json")), "the CLI stores the context under the digest this client computes");
        var used = await ProcessRunner.RunAsync(docker!, ["context", "use", "dag-cli"], new Dictionary<string, string?> { ["DOCKER_CONFIG"] = config.Path, ["DOCKER_HOST"] = null, ["DOCKER_CONTEXT"] = null });
        Assert.True(used.ExitCode == 0, used.ToString());

        using var transport = DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path)));
        Assert.Equal("unix://" + socket, transport.Endpoint);
        await Daemon.PingVersionAndListAsync(transport);
    }

    [Fact]
    public void Docker_host_overrides_docker_context_and_the_current_context()
    {
        using var config = new TempFolder();
        ContextStoreWriter.Write(config.Path, "elsewhere", "tcp://10.1.2.3:2375");
        ContextStoreWriter.SetCurrentContext(config.Path, "elsewhere");
        using var transport = DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path), ("DOCKER_HOST", Nowhere), ("DOCKER_CONTEXT", "elsewhere")));
        Assert.Equal(Nowhere, transport.Endpoint);
    }

    [Fact]
    public void Docker_context_overrides_the_current_context()
    {
        using var config = new TempFolder();
        ContextStoreWriter.Write(config.Path, "chosen", "tcp://10.1.2.3:2375");
        ContextStoreWriter.Write(config.Path, "current", "tcp://10.9.9.9:2375");
        ContextStoreWriter.SetCurrentContext(config.Path, "current");
        using var transport = DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path), ("DOCKER_CONTEXT", "chosen")));
        Assert.Equal("tcp://10.1.2.3:2375", transport.Endpoint);
    }

    [Fact]
    public void Explicit_options_override_the_environment()
    {
        using var config = new TempFolder();
        ContextStoreWriter.Write(config.Path, "chosen", "tcp://10.1.2.3:2375");
        var environment = Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path), ("DOCKER_HOST", "tcp://10.7.7.7:2375"), ("DOCKER_CONTEXT", "missing"));

        using var byEndpoint = DockerEndpoints.Resolve(new DockerClientOptions { Endpoint = Nowhere }, environment);
        Assert.Equal(Nowhere, byEndpoint.Endpoint);
        using var byContext = DockerEndpoints.Resolve(new DockerClientOptions { Context = "chosen" }, environment);
        Assert.Equal("tcp://10.1.2.3:2375", byContext.Endpoint);
    }

    [Fact]
    public void The_default_context_and_no_setting_at_all_mean_the_platform_default()
    {
        using var config = new TempFolder();
        using var byName = DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path), ("DOCKER_CONTEXT", "default")));
        Assert.Equal(DockerEndpoints.DefaultEndpoint, byName.Endpoint);
        using var nothing = DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(config.Path));
        Assert.Equal(OperatingSystem.IsWindows() ? "npipe:////./pipe/docker_engine" : "unix:///var/run/docker.sock", nothing.Endpoint);
    }

    [Fact]
    public void A_context_that_does_not_exist_says_how_to_list_and_create_contexts()
    {
        using var config = new TempFolder();
        var error = Assert.Throws<DockerConfigurationException>(() => DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path), ("DOCKER_CONTEXT", "no-such-context"))));

        var meta = Path.Combine(config.Path, "contexts", "meta", DockerContextStore.DigestOf("no-such-context"), "meta.json");
        Assert.Equal("DOCKER_CONTEXT", error.Setting);
        Assert.Equal(
            $"The docker context 'no-such-context' (from DOCKER_CONTEXT) does not exist: there is no {meta}. List the contexts with 'docker context ls', create it with 'docker context create no-such-context --docker host=…', or choose another context in DOCKER_CONTEXT.",
            error.Message);
    }

    [Fact]
    public void A_missing_current_context_names_the_config_file()
    {
        using var config = new TempFolder();
        ContextStoreWriter.SetCurrentContext(config.Path, "gone");
        var error = Assert.Throws<DockerConfigurationException>(() => DockerEndpoints.Resolve(new DockerClientOptions(), Daemon.Environment(config.Path, ("DOCKER_CONFIG", config.Path))));
        Assert.Contains($"The docker context 'gone' (from currentContext in {Path.Combine(config.Path, "config.json")}) does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_store_digest_is_lower_case_hex_sha256_of_the_name()
    {
        // printf default | sha256sum
        Assert.Equal("37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f", DockerContextStore.DigestOf("default"));
    }
}

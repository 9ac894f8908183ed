using System.Text.Json;
using DockerApiGen.Runtime.Configuration;
using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Versions;

namespace DockerApiGen.Runtime.Tests.Connect.Support;

/// <summary>What the connection tests do with a daemon once connected, through the real HTTP pipeline of a transport.</summary>
internal static class Daemon
{
    /// <summary>An environment with only the given variables, a home folder that holds no docker config, and the process's PATH.</summary>
    public static DockerEnvironment Environment(string home, params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        map.TryAdd("PATH", System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin");
        return DockerEnvironment.FromVariables(map, home);
    }

    /// <summary>Pings, reads the versions and lists containers; returns the versions.</summary>
    public static async Task<DaemonApiVersions> PingVersionAndListAsync(DockerTransport transport)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var probe = new DockerVersionProbe(transport);
        var versions = await probe.GetAsync(cancellationToken);
        using var http = new HttpClient(transport.CreateHandler()) { BaseAddress = transport.BaseAddress };
        var ping = await http.GetStringAsync("_ping", cancellationToken);
        Assert.Equal("OK", ping);
        using var containers = JsonDocument.Parse(await http.GetStringAsync("v1.41/containers/json?all=true", cancellationToken));
        Assert.Equal(JsonValueKind.Array, containers.RootElement.ValueKind);
        return versions;
    }

    /// <summary>The connection failure of a probe through the transport.</summary>
    public static async Task<DockerConnectionException> FailureAsync(DockerTransport transport)
    {
        using var probe = new DockerVersionProbe(transport, TimeSpan.FromSeconds(30));
        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => probe.GetAsync(TestContext.Current.CancellationToken));
        TestContext.Current.TestOutputHelper?.WriteLine(error.ToString());
        return error;
    }
}

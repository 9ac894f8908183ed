using System.Net.Http.Headers;
using DockerApiGen.Runtime.Transport;

namespace DockerApiGen.Tests.Shared;

/// <summary>
/// The private test daemon started by build/start-test-daemon.sh, found through <c>DOCKER_HOST</c>
/// (a <c>unix://</c> socket). Without one a test skips with the reason; under CI (<c>CI=true</c>) a
/// missing daemon is a failure. Linked into every test project that talks to the daemon.
/// </summary>
public static class TestDaemon
{
    /// <summary>The daemon's socket path, or skips/fails the calling test when there is none.</summary>
    public static string SocketOrSkip()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var reason = host switch
        {
            null or "" => "DOCKER_HOST is not set; start the test daemon with build/start-test-daemon.sh and source .test-daemon/env.",
            _ when !host.StartsWith("unix://", StringComparison.Ordinal) => $"DOCKER_HOST={host} is not a unix socket; these tests use the private test daemon's socket.",
            _ when !File.Exists(host["unix://".Length..]) => $"No socket at {host["unix://".Length..]}; is the test daemon running?",
            _ => null,
        };
        if (reason is not null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI must run these tests against the test daemon: " + reason);
            }

            Assert.Skip(reason);
        }

        return host!["unix://".Length..];
    }

    /// <summary>A client for the daemon's socket (base address <c>http://docker/</c>), or skips/fails as above.</summary>
    public static HttpClient ClientOrSkip()
    {
        var client = new HttpClient(UnixSocketHandler.Create(SocketOrSkip())) { BaseAddress = new Uri("http://docker/"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}

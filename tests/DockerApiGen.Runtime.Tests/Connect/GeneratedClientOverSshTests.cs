using System.Text;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Engine.V1_41.Models;
using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Tests.Connect.Support;

namespace DockerApiGen.Runtime.Tests.Connect;

/// <summary>The generated v1.41 client over ssh://: a container's lifecycle and an attach session whose stdin is half-closed.</summary>
public sealed class GeneratedClientOverSshTests(SshServer ssh) : IClassFixture<SshServer>
{
    private DockerClient Client() => new(new DockerClientOptions
    {
        Endpoint = ssh.Endpoint,
        Ssh = new SshTransportOptions { IdentityFile = ssh.IdentityFile, Options = ssh.ClientOptions },
    });

    [Fact]
    public async Task Runs_a_container_lifecycle()
    {
        ssh.RequireRunning();
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = Client();
        var created = await client.Containers.CreateAsync(new ContainerCreateRequest
        {
            Image = "dockerapigen/busybox:latest",
            Cmd = ["sh", "-c", "echo lifecycle over ssh"],
            HostConfig = new HostConfig { NetworkMode = "none" },
        }, cancellationToken: cancellationToken);
        try
        {
            await client.Containers.StartAsync(created.Id, cancellationToken: cancellationToken);
            var exit = await client.Containers.WaitAsync(created.Id, cancellationToken: cancellationToken);
            Assert.Equal(0, exit.StatusCode);
            await using var logs = await client.Containers.LogsAsync(created.Id, new ContainerLogsOptions { Stdout = true }, cancellationToken);
            var (stdout, _) = await logs.ReadToEndAsync(cancellationToken);
            Assert.Equal("lifecycle over ssh\n", stdout);
        }
        finally
        {
            await client.Containers.DeleteAsync(created.Id, new ContainerDeleteOptions { Force = true }, cancellationToken);
        }
    }

    [Fact]
    public async Task Attaches_and_closes_stdin()
    {
        ssh.RequireRunning();
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = Client();
        var created = await client.Containers.CreateAsync(new ContainerCreateRequest
        {
            Image = "dockerapigen/busybox:latest",
            Cmd = ["cat"],
            OpenStdin = true,
            StdinOnce = true,
            AttachStdin = true,
            AttachStdout = true,
            HostConfig = new HostConfig { NetworkMode = "none" },
        }, cancellationToken: cancellationToken);
        try
        {
            await using var session = await client.Containers.AttachAsync(created.Id, new ContainerAttachOptions { Stream = true, Stdin = true, Stdout = true }, cancellationToken);
            await client.Containers.StartAsync(created.Id, cancellationToken: cancellationToken);
            await session.WriteAsync(Encoding.UTF8.GetBytes("through the generated client\n"), cancellationToken);
            // cat ends only when stdin ends: the output can end only if the half-close went through ssh to the container.
            await session.CloseStdinAsync(cancellationToken);
            var (stdout, _) = await session.ReadToEndAsync(cancellationToken);
            Assert.Equal("through the generated client\n", stdout);
        }
        finally
        {
            await client.Containers.DeleteAsync(created.Id, new ContainerDeleteOptions { Force = true }, cancellationToken);
        }
    }
}

using System.Text;
using DockerApiGen.Engine.V1_41;
using DockerApiGen.Engine.V1_41.Models;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Transport;
using DockerApiGen.Runtime.Tests.Connect.Support;
using DockerApiGen.Tests.Shared;

namespace DockerApiGen.Runtime.Tests.Connect;

/// <summary>
/// The generated v1.41 client against the private TCP daemons: an attach session whose stdin is half-closed over
/// mutual TLS (TLS close_notify) and over plain TCP (socket shutdown). The busybox image is copied from the
/// project's test daemon (save, then load), since nothing can be pulled.
/// </summary>
[Collection(TcpDaemonsCollection.Name)]
public sealed class GeneratedClientOverTcpTests(TcpDaemons daemons)
{
    private const string Image = "dockerapigen/busybox:latest";

    [Fact]
    public async Task Attaches_and_closes_stdin_over_mutual_tls()
    {
        daemons.RequireRunning();
        using var client = new DockerClient(new DockerClientOptions
        {
            Endpoint = $"tcp://127.0.0.1:{daemons.TlsPort}",
            Tls = new DockerTlsOptions { CertificateDirectory = daemons.Certificates.GoodClientDirectory },
        });
        Assert.Equal("through TLS\n", await EchoThroughCatAsync(client, "through TLS\n"));
    }

    [Fact]
    public async Task Attaches_and_closes_stdin_over_plain_tcp()
    {
        daemons.RequireRunning();
        using var client = new DockerClient(new DockerClientOptions { Endpoint = $"tcp://127.0.0.1:{daemons.PlainPort}" });
        Assert.Equal("through TCP\n", await EchoThroughCatAsync(client, "through TCP\n"));
    }

    private static async Task<string> EchoThroughCatAsync(DockerClient client, string input)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await EnsureImageAsync(client, cancellationToken);
        var created = await client.Containers.CreateAsync(new ContainerCreateRequest
        {
            Image = Image,
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
            await session.WriteAsync(Encoding.UTF8.GetBytes(input), cancellationToken);
            // cat ends only when its stdin ends: the output can end only if the half-close reached the container.
            await session.CloseStdinAsync(cancellationToken);
            var (stdout, _) = await session.ReadToEndAsync(cancellationToken);
            return stdout;
        }
        finally
        {
            await client.Containers.DeleteAsync(created.Id, new ContainerDeleteOptions { Force = true }, cancellationToken);
        }
    }

    private static async Task EnsureImageAsync(DockerClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.Images.InspectAsync(Image, cancellationToken);
            return;
        }
        catch (DockerNotFoundException)
        {
            // Not loaded yet into this private daemon.
        }

        using var source = new DockerClient(new DockerClientOptions { Endpoint = "unix://" + TestDaemon.SocketOrSkip() });
        await using var tarball = await source.Images.SaveAsync(Image, cancellationToken);
        await foreach (var _ in client.Images.LoadAsync(tarball, cancellationToken: cancellationToken))
        {
        }
    }
}

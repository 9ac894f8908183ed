using DockerApiGen.Engine.V1_41;
using DockerApiGen.Engine.V1_41.Models;
using DockerApiGen.Registry.Manifests;
using DockerApiGen.Registry.References;
using DockerApiGen.Registry.Tests.Support;
using DockerApiGen.Runtime;
using DockerApiGen.Runtime.Auth;
using DockerApiGen.Runtime.Errors;
using DockerApiGen.Runtime.Streams;
using DockerApiGen.Tests.Shared;

namespace DockerApiGen.Registry.Tests.Client;

/// <summary>
/// Both clients of the project together: the Engine client (v1.41) pushes an image to the htpasswd registry, the
/// registry client finds its tag and reads the manifest the push reported, copies it to another repository, and the
/// daemon pulls the copy and runs it.
/// </summary>
public sealed class EngineRoundTripTests
{
    /// <summary>The image build/start-test-daemon.sh imports from the static busybox.</summary>
    private const string Busybox = "dockerapigen/busybox:latest";

    private static CancellationToken Cancel => TestClients.Cancel;

    [Fact]
    public async Task The_daemon_pushes_the_registry_client_copies_and_the_daemon_runs_the_copy()
    {
        var registry = TestRegistries.BasicOrSkip();
        using var docker = new DockerClient(new DockerClientOptions { Endpoint = "unix://" + TestDaemon.SocketOrSkip() });
        var login = new RegistryCredentials(registry.User, registry.Password, registry.Address);
        var pushedAs = TestClients.Repository(registry.Address, "pushed");
        var copiedAs = TestClients.Repository(registry.Address, "copied");
        string? container = null;
        try
        {
            await docker.Images.TagAsync(Busybox, new ImageTagOptions { Repo = pushedAs.Name, Tag = "pushed" }, Cancel);
            var progress = new List<PushImageInfo>();
            await foreach (var message in docker.Images.PushAsync(pushedAs.Name, login, new ImagePushOptions { Tag = "pushed" }, Cancel))
            {
                progress.Add(message);
            }

            // "pushed: digest: sha256:… size: …"
            var reported = progress.Select(p => p.Status).OfType<string>().Single(s => s.Contains("digest: ", StringComparison.Ordinal));
            var digest = reported.Split("digest: ")[1].Split(' ')[0];

            using var registryClient = TestClients.Basic(registry);
            Assert.Equal(["pushed"], await registryClient.ListTagsAsync(pushedAs, cancellationToken: Cancel).ToListAsync(Cancel));
            var manifest = await registryClient.GetManifestAsync(pushedAs, cancellationToken: Cancel);
            Assert.Equal((digest, ManifestKind.DockerManifest, true), (manifest.Digest.ToString(), manifest.Kind, manifest.Verified));
            var image = await registryClient.InspectImageAsync(pushedAs, cancellationToken: Cancel);
            Assert.Equal((await docker.Images.InspectAsync(Busybox, Cancel)).Id, image.Manifest.Config!.Digest);

            var copy = await registryClient.CopyAsync(pushedAs, copiedAs, cancellationToken: Cancel);
            Assert.Equal((manifest.Digest, manifest.Layers.Count + 1, 0), (copy.Digest, copy.BlobsMounted, copy.BlobsUploaded));

            await foreach (var _ in docker.Images.CreateAsync(options: new ImageCreateOptions { FromImage = copiedAs.Name, Tag = "copied", RegistryAuth = login }, cancellationToken: Cancel))
            {
            }

            var created = await docker.Containers.CreateAsync(new ContainerCreateRequest { Image = copiedAs.ToString(), Cmd = ["echo", "copied and run"] }, cancellationToken: Cancel);
            container = created.Id;
            await docker.Containers.StartAsync(container, cancellationToken: Cancel);
            Assert.Equal(0, (await docker.Containers.WaitAsync(container, cancellationToken: Cancel)).StatusCode);
            await using var logs = await docker.Containers.LogsAsync(container, new ContainerLogsOptions { Stdout = true }, Cancel);
            Assert.Equal("copied and run\n", (await logs.ReadToEndAsync(Cancel)).StandardOutput);
        }
        finally
        {
            if (container is not null)
            {
                await docker.Containers.DeleteAsync(container, new ContainerDeleteOptions { Force = true }, CancellationToken.None);
            }

            foreach (var name in new[] { pushedAs.ToString(), copiedAs.ToString() })
            {
                try
                {
                    await docker.Images.DeleteAsync(name, new ImageDeleteOptions { NoPrune = true }, CancellationToken.None);
                }
                catch (DockerApiException)
                {
                }
            }
        }
    }
}

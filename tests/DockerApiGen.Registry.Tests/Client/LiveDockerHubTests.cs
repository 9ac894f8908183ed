using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Manifests;
using DockerApiGen.Registry.References;

namespace DockerApiGen.Registry.Tests.Client;

/// <summary>
/// RegistryClient against Docker Hub's registry (registry-1.docker.io, tokens from auth.docker.io), opt-in: set
/// <c>DOCKERAPIGEN_HUB_USER</c> and <c>DOCKERAPIGEN_HUB_TOKEN</c> (a personal access token; read-only is enough).
/// Without them the test skips with the reason, under CI too: the machines that run the project's CI cannot reach
/// Docker Hub.
/// </summary>
public sealed class LiveDockerHubTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static RegistryClient ConnectOrSkip()
    {
        var user = Environment.GetEnvironmentVariable("DOCKERAPIGEN_HUB_USER");
        var token = Environment.GetEnvironmentVariable("DOCKERAPIGEN_HUB_TOKEN");
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(token))
        {
            Assert.Skip("The live Docker Hub test is opt-in: set DOCKERAPIGEN_HUB_USER and DOCKERAPIGEN_HUB_TOKEN (a personal access token) to run it.");
        }

        return new RegistryClient(new RegistryClientOptions { Credentials = StaticCredentialProvider.ForRegistry(ImageReference.DockerHubRegistry, user, token) });
    }

    [Fact]
    public async Task Reads_a_multi_platform_image_and_pages_through_tags()
    {
        using var client = ConnectOrSkip();
        var busybox = ImageReference.Parse("busybox");
        var index = await client.GetManifestAsync(busybox, cancellationToken: Cancel);
        Assert.True(index.IsIndex, $"busybox:latest is a {index.MediaType}");
        Assert.True(index.Verified);

        var image = await client.InspectImageAsync(busybox, Platforms.Parse("linux/amd64"), Cancel);
        Assert.Equal(("linux", "amd64"), (image.Config.Os, image.Config.Architecture));
        Assert.Contains(image.Platforms, p => p.Architecture == "arm64");

        // Docker Hub pages tags by Link: 250 tags in pages of 100.
        var tags = await client.ListTagsAsync(busybox, pageSize: 100, Cancel).Take(250).ToListAsync(Cancel);
        Assert.Equal(250, tags.Distinct().Count());
    }
}

using System.Security.Cryptography;
using DockerApiGen.Registry.Auth;
using DockerApiGen.Registry.Blobs;
using DockerApiGen.Registry.Content;
using DockerApiGen.Registry.Errors;
using DockerApiGen.Registry.Manifests;
using DockerApiGen.Registry.Models;
using DockerApiGen.Registry.References;
using DockerApiGen.Registry.Tests.Support;

namespace DockerApiGen.Registry.Tests.Client;

/// <summary>Every operation of RegistryClient against the htpasswd registry on :5000 (Debian's docker-registry 2.8).</summary>
public sealed class BasicRegistryClientTests
{
    private static CancellationToken Cancel => TestClients.Cancel;

    [Fact]
    public async Task Checks_lists_tags_and_reads_an_image_without_pulling_it()
    {
        var registry = TestRegistries.BasicOrSkip();
        using var client = TestClients.Basic(registry);
        var image = TestClients.Repository(registry.Address);

        Assert.Equal("registry/2.0", (await client.CheckAsync(registry.Address, Cancel)).ApiVersion);
        var pushed = await TestImages.PushImageAsync(client, image);
        await TestImages.PushImageAsync(client, image.WithTag("v2"), ManifestMediaTypes.OciManifest);

        Assert.Equal(["v1", "v2"], (await client.ListTagsAsync(image, cancellationToken: Cancel).ToListAsync(Cancel)).Order());
        var manifest = await client.GetManifestAsync(image, cancellationToken: Cancel);
        Assert.Equal((ManifestKind.DockerManifest, pushed.Digest, true), (manifest.Kind, manifest.Digest, manifest.Verified));
        Assert.Equal(pushed.Bytes.ToArray(), manifest.Bytes.ToArray());
        Assert.Equal(ManifestKind.OciManifest, (await client.GetManifestAsync(image.WithTag("v2"), cancellationToken: Cancel)).Kind);

        var head = await client.HeadManifestAsync(image, cancellationToken: Cancel);
        Assert.Equal((ManifestMediaTypes.DockerManifest, pushed.Digest.ToString(), pushed.Size), (head!.MediaType, head.Digest, head.Size));
        Assert.Null(await client.HeadManifestAsync(image.WithTag("missing"), cancellationToken: Cancel));

        var inspected = await client.InspectImageAsync(image, cancellationToken: Cancel);
        Assert.Equal((pushed.Digest, "amd64", "linux"), (inspected.Digest, inspected.Config.Architecture, inspected.Config.Os));
        Assert.Equal(image.WithDigest(pushed.Digest), inspected.Reference);
        Assert.Equal(["PATH=/bin"], inspected.Config.Config!.Env!);
        Assert.Equal(manifest.Config!.Size + manifest.Layers.Sum(l => l.Size), inspected.DownloadSize);
    }

    [Fact]
    public async Task Indexes_and_manifest_lists_round_trip_and_inspect_picks_the_platform()
    {
        var registry = TestRegistries.BasicOrSkip();
        using var client = TestClients.Basic(registry);
        var image = TestClients.Repository(registry.Address);
        var (index, amd64, arm64) = await TestImages.PushIndexAsync(client, image);
        var list = image.WithTag("list");
        var (dockerList, _, _) = await TestImages.PushIndexAsync(client, list, ManifestMediaTypes.DockerManifestList);

        var read = await client.GetManifestAsync(image, cancellationToken: Cancel);
        Assert.Equal((ManifestKind.OciIndex, index.Digest, 2), (read.Kind, read.Digest, read.Manifests.Count));
        Assert.Equal(ManifestKind.DockerManifestList, (await client.GetManifestAsync(list, cancellationToken: Cancel)).Kind);
        Assert.Equal(dockerList.Digest, (await client.GetManifestAsync(list, cancellationToken: Cancel)).Digest);

        var arm = await client.InspectImageAsync(image, Platforms.Parse("linux/arm64"), Cancel);
        Assert.Equal((index.Digest, arm64.Digest, "arm64"), (arm.Digest, arm.Manifest.Digest, arm.Config.Architecture));
        Assert.Equal(["linux/amd64", "linux/arm64"], arm.Platforms.Select(Platforms.Format));
        Assert.Equal(amd64.Digest, (await client.InspectImageAsync(image, Platforms.Parse("linux/amd64"), Cancel)).Manifest.Digest);
        var missing = await Assert.ThrowsAsync<PlatformNotFoundException>(() => client.InspectImageAsync(image, Platforms.Parse("windows/amd64"), Cancel));
        Assert.Contains("has no manifest for windows/amd64; it has linux/amd64, linux/arm64", missing.Message, StringComparison.Ordinal);

        // A manifest asked for by digest is checked against it; a digest that names nothing is a typed 404.
        var byDigest = await client.GetManifestAsync(image.WithDigest(arm64.Digest), cancellationToken: Cancel);
        Assert.Equal((arm64.Digest, true), (byDigest.Digest, byDigest.Verified));
        var unknown = Digest.Compute("no such manifest"u8);
        var error = await Assert.ThrowsAsync<RegistryNotFoundException>(() => client.GetManifestAsync(ImageReference.Parse($"{image.Name}@{unknown}"), cancellationToken: Cancel));
        Assert.Equal((RegistryErrorCode.ManifestUnknown, registry.Address, image.Repository, unknown.ToString()), (error.Code, error.Registry, error.Repository, error.Reference));
        Assert.Contains($"manifest '{unknown}' of {registry.Address}/{image.Repository}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deletes_manifests_by_digest_and_types_a_refused_delete_by_tag()
    {
        var registry = TestRegistries.BasicOrSkip();
        using var client = TestClients.Basic(registry);
        var image = TestClients.Repository(registry.Address);
        var pushed = await TestImages.PushImageAsync(client, image);

        // Docker's registry deletes manifests, not tags.
        var byTag = await Assert.ThrowsAsync<RegistryApiException>(() => client.DeleteManifestAsync(image, Cancel));
        Assert.Equal(RegistryErrorCode.DigestInvalid, byTag.Code);

        await client.DeleteManifestAsync(image.WithDigest(pushed.Digest), Cancel);
        Assert.Null(await client.HeadManifestAsync(image, cancellationToken: Cancel));
        var gone = await Assert.ThrowsAsync<RegistryNotFoundException>(() => client.GetManifestAsync(image, cancellationToken: Cancel));
        Assert.Equal(RegistryErrorCode.ManifestUnknown, gone.Code);
    }

    [Fact]
    public async Task Blobs_go_up_in_one_request_or_in_chunks_and_come_back_verified()
    {
        var registry = TestRegistries.BasicOrSkip();
        using var client = TestClients.Basic(registry);
        var repository = TestClients.Repository(registry.Address);
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var digest = Digest.Compute(bytes);
        var progress = new List<long>();

        var whole = await client.PushBlobAsync(repository, new MemoryStream(bytes), cancellationToken: Cancel);
        Assert.Equal((digest, 300_000L, BlobTransfer.Uploaded), (whole.Digest, whole.Size, whole.Transfer));
        Assert.Equal(BlobTransfer.Present, (await client.PushBlobAsync(repository, new MemoryStream(bytes), cancellationToken: Cancel)).Transfer);

        // A stream that cannot seek, of unknown digest: chunks, hashed as they go.
        var other = TestClients.Repository(registry.Address);
        var chunked = await client.PushBlobAsync(other, new NonSeekableStream(bytes), new BlobPushOptions { ChunkSize = 64 * 1024, Progress = new SyncProgress<long>(progress.Add) }, Cancel);
        Assert.Equal((digest, BlobTransfer.Uploaded), (chunked.Digest, chunked.Transfer));
        Assert.Equal([65536L, 131072, 196608, 262144, 300000], progress);

        Assert.Equal(new BlobInfo(digest, 300_000), await client.HeadBlobAsync(other, digest, Cancel));
        await using (var blob = await client.OpenBlobAsync(other, digest, 300_000, Cancel))
        {
            var copy = new MemoryStream();
            await blob.CopyToAsync(copy, Cancel);
            Assert.Equal(bytes, copy.ToArray());
            Assert.True(blob.IsVerified);
        }

        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "blob");
        Assert.Equal(300_000, await client.DownloadBlobAsync(other, digest, path, 300_000, Cancel));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path, Cancel));

        // A download that stopped half-way left its .partial file: only the rest is fetched.
        await File.WriteAllBytesAsync(path + ".partial", bytes[..100_000], Cancel);
        File.Delete(path);
        Assert.Equal(300_000, await client.DownloadBlobAsync(other, digest, path, 300_000, Cancel));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path, Cancel));
        Assert.False(File.Exists(path + ".partial"));

        await client.DeleteBlobAsync(other, digest, Cancel);
        Assert.Null(await client.HeadBlobAsync(other, digest, Cancel));
        var missing = await Assert.ThrowsAsync<RegistryNotFoundException>(() => client.OpenBlobAsync(other, digest, cancellationToken: Cancel));
        Assert.Equal((RegistryErrorCode.BlobUnknown, digest.ToString()), (missing.Code, missing.Reference));
    }

    [Fact]
    public async Task Blobs_are_mounted_from_another_repository_and_uploaded_when_the_registry_cannot_mount()
    {
        var registry = TestRegistries.BasicOrSkip();
        using var client = TestClients.Basic(registry);
        var source = TestClients.Repository(registry.Address);
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        var pushed = await client.PushBlobAsync(source, new MemoryStream(bytes), cancellationToken: Cancel);

        var target = TestClients.Repository(registry.Address);
        var mounted = await client.MountBlobAsync(target, source, pushed.Digest, cancellationToken: Cancel);
        Assert.Equal((BlobTransfer.Mounted, 10_000L), (mounted.Transfer, mounted.Size));
        Assert.Equal(BlobTransfer.Present, (await client.MountBlobAsync(target, source, pushed.Digest, cancellationToken: Cancel)).Transfer);
        Assert.Equal(BlobTransfer.Mounted, (await client.PushBlobAsync(TestClients.Repository(registry.Address), new MemoryStream(bytes), new BlobPushOptions { MountFrom = source }, Cancel)).Transfer);

        // The source lacks the blob: the registry opens a session instead (202), and the bytes go into it.
        var fresh = RandomNumberGenerator.GetBytes(5_000);
        var fallback = await client.PushBlobAsync(TestClients.Repository(registry.Address), new MemoryStream(fresh), new BlobPushOptions { MountFrom = TestClients.Repository(registry.Address) }, Cancel);
        Assert.Equal((BlobTransfer.Uploaded, Digest.Compute(fresh)), (fallback.Transfer, fallback.Digest));
    }

    [Fact]
    public async Task The_catalog_pages_by_link_and_an_upload_resumes_from_the_registry_s_status()
    {
        var registry = TestRegistries.BasicOrSkip();
        using var client = TestClients.Basic(registry);
        // Three repositories of this test's own, so that pages of two take at least two pages on a fresh registry too.
        var first = TestClients.Repository(registry.Address);
        var others = new[] { TestClients.Repository(registry.Address), TestClients.Repository(registry.Address) };
        foreach (var repository in others.Prepend(first))
        {
            await TestImages.PushImageAsync(client, repository);
        }

        var names = await client.ListRepositoriesAsync(registry.Address, pageSize: 2, Cancel).ToListAsync(Cancel);
        Assert.All(others.Prepend(first), repository => Assert.Contains(repository.Repository, names));
        Assert.Equal(names.Count, names.Distinct().Count()); // each page starts after the last one's end
        Assert.True(names.Count > 2, $"the catalog has {names.Count} repositories, so it took more than one page");

        // An upload cancelled after two chunks, taken up again by another client from its Location.
        var bytes = RandomNumberGenerator.GetBytes(5 * 64 * 1024);
        var digest = Digest.Compute(bytes);
        var upload = await client.StartUploadAsync(first, Cancel);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var content = new MemoryStream(bytes);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => upload.AppendAllAsync(content, 64 * 1024, new SyncProgress<long>(offset =>
        {
            if (offset == 2 * 64 * 1024)
            {
                stop.Cancel();
            }
        }), stop.Token));

        using var later = TestClients.Basic(registry);
        var resumed = await later.ResumeUploadAsync(first, upload.Location, Cancel);
        Assert.Equal(2 * 64 * 1024, resumed.Offset);
        content.Position = resumed.Offset;
        await resumed.AppendAllAsync(content, 64 * 1024, cancellationToken: Cancel);
        Assert.Equal(digest, await resumed.CompleteAsync(digest, Cancel));
        await using var blob = await later.OpenBlobAsync(first, digest, bytes.Length, Cancel);
        var copy = new MemoryStream();
        await blob.CopyToAsync(copy, Cancel);
        Assert.Equal(bytes, copy.ToArray());

        // A cancelled session is gone.
        var cancelled = await client.StartUploadAsync(first, Cancel);
        await cancelled.CancelAsync(Cancel);
        await Assert.ThrowsAsync<RegistryNotFoundException>(() => client.ResumeUploadAsync(first, cancelled.Location, Cancel));
    }

    [Fact]
    public async Task Referrers_fall_back_to_the_tag_schema_which_the_client_keeps()
    {
        var registry = TestRegistries.BasicOrSkip();
        using var client = TestClients.Basic(registry);
        var image = TestClients.Repository(registry.Address);
        var subject = await TestImages.PushImageAsync(client, image, ManifestMediaTypes.OciManifest);
        var empty = await client.PushBlobAsync(image, new MemoryStream("{}"u8.ToArray()), cancellationToken: Cancel);
        var sbom = await client.PushBlobAsync(image, new MemoryStream("{\"sbom\":true}"u8.ToArray()), cancellationToken: Cancel);
        var artifact = RegistryManifest.From(new OciImageManifest
        {
            ArtifactType = "application/vnd.example.sbom.v1+json",
            Config = empty.ToDescriptor(ManifestMediaTypes.OciEmpty),
            Layers = [sbom.ToDescriptor("application/vnd.example.sbom.v1+json")],
            Subject = subject.ToDescriptor(),
            Annotations = new Dictionary<string, string> { ["org.example.kind"] = "sbom" },
        });

        // Docker's registry lacks the referrers API (404): the push also maintains the sha256-<hex> tag.
        await client.PutManifestAsync(ImageReference.Parse($"{image.Name}@{artifact.Digest}"), artifact, Cancel);
        Assert.Contains(RegistryClient.ReferrersTag(subject.Digest), await client.ListTagsAsync(image, cancellationToken: Cancel).ToListAsync(Cancel));

        var referrers = await client.ListReferrersAsync(image, cancellationToken: Cancel).ToListAsync(Cancel);
        var referrer = Assert.Single(referrers);
        Assert.Equal((artifact.Digest.ToString(), "application/vnd.example.sbom.v1+json", "sbom"), (referrer.Digest, referrer.ArtifactType, referrer.Annotations!["org.example.kind"]));
        Assert.Single(await client.ListReferrersAsync(image.WithDigest(subject.Digest), "application/vnd.example.sbom.v1+json", Cancel).ToListAsync(Cancel));
        Assert.Empty(await client.ListReferrersAsync(image, "application/vnd.example.signature", Cancel).ToListAsync(Cancel));
        Assert.Empty(await client.ListReferrersAsync(ImageReference.Parse($"{image.Name}@{artifact.Digest}"), cancellationToken: Cancel).ToListAsync(Cancel));
    }

    [Fact]
    public async Task Wrong_and_missing_credentials_are_typed_and_never_shown()
    {
        var registry = TestRegistries.BasicOrSkip();
        using var wrong = TestClients.Basic(registry, "not-the-password-42");
        var refused = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => wrong.CheckAsync(registry.Address, Cancel));
        Assert.Equal(RegistryAuthenticationFailure.CredentialsRefused, refused.Failure);
        Assert.DoesNotContain("not-the-password-42", refused.ToString(), StringComparison.Ordinal);

        using var anonymous = new RegistryClient(new RegistryClientOptions { Credentials = StaticCredentialProvider.Anonymous });
        var denied = await Assert.ThrowsAsync<RegistryAccessDeniedException>(() => anonymous.ListTagsAsync(TestClients.Repository(registry.Address), cancellationToken: Cancel).ToListAsync(Cancel).AsTask());
        Assert.Contains($"'docker login {registry.Address}'", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_goes_out_to_an_oci_layout_folder_and_back_in_byte_for_byte()
    {
        var registry = TestRegistries.BasicOrSkip();
        using var client = TestClients.Basic(registry);
        var source = TestClients.Repository(registry.Address);
        var (index, amd64, _) = await TestImages.PushIndexAsync(client, source);
        var single = await TestImages.PushImageAsync(client, source.WithTag("single"));
        using var folder = new TempDirectory();

        var entry = await client.ExportOciLayoutAsync(source, folder.Path, Cancel);
        await client.ExportOciLayoutAsync(source.WithTag("single"), folder.Path, Cancel);
        Assert.Equal((index.Digest.ToString(), "v1"), (entry.Digest, entry.Annotations!["org.opencontainers.image.ref.name"]));
        Assert.Equal("""{"imageLayoutVersion":"1.0.0"}""", await File.ReadAllTextAsync(Path.Combine(folder.Path, "oci-layout"), Cancel));
        // The index, two manifests, two configs and two layers; then the single image's manifest, config and layer.
        Assert.Equal(10, Directory.GetFiles(Path.Combine(folder.Path, "blobs", "sha256")).Length);
        Assert.Equal(index.Bytes.ToArray(), await File.ReadAllBytesAsync(Path.Combine(folder.Path, "blobs", "sha256", index.Digest.Encoded), Cancel));
        Assert.DoesNotContain(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories), f => f.EndsWith(".partial", StringComparison.Ordinal) || f.EndsWith(".tmp", StringComparison.Ordinal));

        var target = TestClients.Repository(registry.Address);
        Assert.Equal(index.Digest, await client.ImportOciLayoutAsync(folder.Path, target, "v1", Cancel));
        Assert.Equal(single.Digest, await client.ImportOciLayoutAsync(folder.Path, target.WithTag("single"), cancellationToken: Cancel));
        Assert.Equal(index.Bytes.ToArray(), (await client.GetManifestAsync(target, cancellationToken: Cancel)).Bytes.ToArray());
        Assert.Equal(amd64.Digest, (await client.InspectImageAsync(target, Platforms.Parse("linux/amd64"), Cancel)).Manifest.Digest);

        var ambiguous = await Assert.ThrowsAsync<ArgumentException>(() => client.ImportOciLayoutAsync(folder.Path, target.WithTag("other"), cancellationToken: Cancel));
        Assert.Contains("holds 2 images (v1, single); name the one to use", ambiguous.Message, StringComparison.Ordinal);

        // A manifest file that does not hash to its name is refused before anything is pushed.
        var path = Path.Combine(folder.Path, "blobs", "sha256", single.Digest.Encoded);
        var bytes = await File.ReadAllBytesAsync(path, Cancel);
        bytes[^2] ^= 0x20;
        await File.WriteAllBytesAsync(path, bytes, Cancel);
        var tampered = await Assert.ThrowsAsync<InvalidDataException>(() => client.ImportOciLayoutAsync(folder.Path, TestClients.Repository(registry.Address), "single", Cancel));
        Assert.Contains($"blobs/sha256/{single.Digest.Encoded} of the OCI layout", tampered.Message, StringComparison.Ordinal);
    }
}

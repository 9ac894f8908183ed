using DockerApiGen.Registry.References;

namespace DockerApiGen.Registry.Tests.References;

/// <summary>Parsing and normalisation as the docker CLI does it (distribution/reference), and what a bad reference says.</summary>
public sealed class ImageReferenceTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    // input, canonical, familiar
    [InlineData("busybox", "docker.io/library/busybox:latest", "busybox:latest")]
    [InlineData("busybox:1.36", "docker.io/library/busybox:1.36", "busybox:1.36")]
    [InlineData("library/busybox", "docker.io/library/busybox:latest", "busybox:latest")]
    [InlineData("docker.io/busybox", "docker.io/library/busybox:latest", "busybox:latest")]
    [InlineData("docker.io/library/busybox:musl", "docker.io/library/busybox:musl", "busybox:musl")]
    [InlineData("index.docker.io/busybox", "docker.io/library/busybox:latest", "busybox:latest")]
    [InlineData("index.docker.io/library/busybox", "docker.io/library/busybox:latest", "busybox:latest")]
    [InlineData("myuser/app", "docker.io/myuser/app:latest", "myuser/app:latest")]
    [InlineData("myuser/team/app:v2", "docker.io/myuser/team/app:v2", "myuser/team/app:v2")]
    [InlineData("docker.io/library/team/app", "docker.io/library/team/app:latest", "library/team/app:latest")]
    [InlineData("localhost/app", "localhost/app:latest", "localhost/app:latest")]
    [InlineData("localhost:5000/app", "localhost:5000/app:latest", "localhost:5000/app:latest")]
    [InlineData("127.0.0.1:5000/team/app:v1", "127.0.0.1:5000/team/app:v1", "127.0.0.1:5000/team/app:v1")]
    [InlineData("registry.example.com/app", "registry.example.com/app:latest", "registry.example.com/app:latest")]
    [InlineData("ghcr.io/owner/repo:sha-1234", "ghcr.io/owner/repo:sha-1234", "ghcr.io/owner/repo:sha-1234")]
    [InlineData("[::1]:5000/app:1", "[::1]:5000/app:1", "[::1]:5000/app:1")]
    [InlineData("Docker/docker", "Docker/docker:latest", "Docker/docker:latest")]
    [InlineData("team/a.b-c__d--e/f_g.h", "docker.io/team/a.b-c__d--e/f_g.h:latest", "team/a.b-c__d--e/f_g.h:latest")]
    [InlineData("app:V1.2_beta-3", "docker.io/library/app:V1.2_beta-3", "app:V1.2_beta-3")]
    [InlineData("app:_underscore", "docker.io/library/app:_underscore", "app:_underscore")]
    [InlineData("foo-bar.example:443/x", "foo-bar.example:443/x:latest", "foo-bar.example:443/x:latest")]
    public void Normalises_like_the_docker_cli(string input, string canonical, string familiar)
    {
        var reference = ImageReference.Parse(input);
        Assert.Equal(canonical, reference.ToString());
        Assert.Equal(familiar, reference.ToFamiliarString());
        Assert.Equal(reference, ImageReference.Parse(canonical));
    }

    [Fact]
    public void Splits_registry_repository_tag_and_digest()
    {
        var reference = ImageReference.Parse($"127.0.0.1:5000/team/app:v1@sha256:{Hex}");
        Assert.Equal("127.0.0.1:5000", reference.Registry);
        Assert.Equal("team/app", reference.Repository);
        Assert.Equal("v1", reference.Tag);
        Assert.Equal("sha256:" + Hex, reference.Digest.ToString());
        Assert.Equal("sha256:" + Hex, reference.ManifestReference);
        Assert.Equal("127.0.0.1:5000", reference.ApiHost);
        Assert.False(reference.IsDockerHub);
    }

    [Fact]
    public void A_digest_alone_gets_no_default_tag()
    {
        var reference = ImageReference.Parse($"busybox@sha256:{Hex}");
        Assert.Null(reference.Tag);
        Assert.Equal($"docker.io/library/busybox@sha256:{Hex}", reference.ToString());
        Assert.Equal($"busybox@sha256:{Hex}", reference.ToFamiliarString());
    }

    [Fact]
    public void Docker_hub_is_served_by_registry_1()
    {
        var reference = ImageReference.Parse("busybox");
        Assert.True(reference.IsDockerHub);
        Assert.Equal("registry-1.docker.io", reference.ApiHost);
        Assert.Equal("latest", reference.ManifestReference);
        Assert.Equal("docker.io/library/busybox", reference.Name);
        Assert.Equal("busybox", reference.FamiliarName);
    }

    [Fact]
    public void With_tag_digest_and_name_make_new_references()
    {
        var reference = ImageReference.Parse("busybox:1");
        Assert.Equal("docker.io/library/busybox:2", reference.WithTag("2").ToString());
        Assert.Equal($"docker.io/library/busybox:1@sha256:{Hex}", reference.WithDigest(DockerApiGen.Registry.Content.Digest.Parse("sha256:" + Hex)).ToString());
        Assert.Equal("127.0.0.1:5000/copy/busybox:1", reference.WithName(ImageReference.Parse("127.0.0.1:5000/copy/busybox")).ToString());
        Assert.Throws<ImageReferenceFormatException>(() => reference.WithTag("bad tag"));
    }

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("Busybox", 1, "must be lower case; 'B' at character 1")]
    [InlineData("library/Busybox", 9, "'B' at character 9")]
    [InlineData("busybox:", 9, "must be followed by a tag")]
    [InlineData("busybox:-x", 9, "a tag starts with a letter, digit or '_'")]
    [InlineData("busybox:a+b", 10, "'+' at character 10")]
    [InlineData("a//b", 3, "empty path component at character 3")]
    [InlineData("team/", 6, "empty path component")]
    [InlineData("-busybox", 1, "cannot start with '-'")]
    [InlineData("busybox-", 8, "cannot end with '-'")]
    [InlineData("bu___sy", 3, "'___' at character 3 cannot join")]
    [InlineData("bu.-sy", 3, "'.-' at character 3 cannot join")]
    [InlineData("bu$y", 3, "'$' at character 3 is not allowed")]
    [InlineData("registry:abc/app", 10, "port holds 'a' at character 10")]
    [InlineData("registry:/app", 9, "no port number follows")]
    [InlineData("[::1/app", 1, "never closes it")]
    [InlineData("[zz]:5000/app", 2, "'zz' between '[' and ']' is not an IPv6 address")]
    [InlineData("-bad.example/app", 1, "starts or ends with '-'")]
    [InlineData("bad_host.example/app", 4, "host name holds '_' at character 4")]
    [InlineData("busy box", 5, "white space")]
    [InlineData("a:b:c", 2, "':' at character 2 is not allowed")]
    [InlineData("busybox@sha256:abc", 9, "exactly 64")]
    [InlineData("busybox@md5:d41d8cd98f00b204e9800998ecf8427e", 9, "'md5', which is not supported")]
    [InlineData("busybox@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", 9, "upper-case hex digit")]
    [InlineData("busybox@", 9, "the digest after '@' (character 8) is invalid")]
    [InlineData("busybox@sha256:" + Hex + "@x", 80, "second '@'")]
    [InlineData(Hex, 1, "image ID")]
    public void A_bad_reference_says_what_is_wrong_and_where(string input, int position, string problem)
    {
        var error = Assert.Throws<ImageReferenceFormatException>(() => ImageReference.Parse(input));
        Assert.Equal(position, error.Position);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Invalid image reference '{input}': ", error.Message, StringComparison.Ordinal);
        Assert.False(ImageReference.TryParse(input, out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void Length_limits_are_enforced()
    {
        var longName = new string('a', 250) + "/bbbbbb";
        var error = Assert.Throws<ImageReferenceFormatException>(() => ImageReference.Parse("registry.example/" + longName));
        Assert.Contains("at most 255", error.Message, StringComparison.Ordinal);
        // The limit counts the normalised name: docker.io/library/ is added to a short name.
        Assert.Equal(255, ImageReference.Parse(new string('a', 255 - "docker.io/library/".Length)).Name.Length);
        Assert.Throws<ImageReferenceFormatException>(() => ImageReference.Parse(new string('a', 256 - "docker.io/library/".Length)));

        Assert.Equal(128, ImageReference.Parse("app:" + new string('t', 128)).Tag!.Length);
        var tag = Assert.Throws<ImageReferenceFormatException>(() => ImageReference.Parse("app:" + new string('t', 129)));
        Assert.Contains("129 characters long; a tag has at most 128", tag.Message, StringComparison.Ordinal);
    }
}

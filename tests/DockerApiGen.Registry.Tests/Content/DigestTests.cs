using System.Security.Cryptography;
using System.Text;
using DockerApiGen.Registry.Content;

namespace DockerApiGen.Registry.Tests.Content;

public sealed class DigestTests
{
    [Fact]
    public void Parses_and_prints_supported_algorithms()
    {
        var sha256 = Digest.Parse("sha256:" + new string('a', 64));
        Assert.Equal("sha256", sha256.Algorithm);
        Assert.Equal(new string('a', 64), sha256.Encoded);
        Assert.Equal("sha256:" + new string('a', 64), sha256.ToString());
        Assert.Equal(96, Digest.Parse("sha384:" + new string('b', 96)).Encoded.Length);
        Assert.Equal(128, Digest.Parse("sha512:" + new string('c', 128)).Encoded.Length);
        Assert.Equal(sha256, Digest.Parse("sha256:" + new string('a', 64)));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("sha256", "no ':'")]
    [InlineData(":abc", "no algorithm")]
    [InlineData("SHA256:abc", "'S' at character 1")]
    [InlineData("sha256+:abc", "'+' at character 7")]
    [InlineData("blake3:abc", "'blake3', which is not supported")]
    [InlineData("sha256:abc", "has 3 hex digits after ':'; it must have exactly 64")]
    [InlineData("sha256:g123", "'g' at character 8")]
    public void Rejects_malformed_digests_with_the_reason(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Digest.Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(Digest.TryParse(text, out _));
    }

    [Fact]
    public void Reads_and_writes_json_as_the_wire_string()
    {
        var digest = Digest.Parse("sha256:" + new string('d', 64));
        var json = System.Text.Json.JsonSerializer.Serialize(new[] { digest }, DigestJson.Default.DigestArray);
        Assert.Equal($"[\"{digest}\"]", json);
        Assert.Equal(digest, System.Text.Json.JsonSerializer.Deserialize(json, DigestJson.Default.DigestArray)![0]);
        var error = Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize("[\"sha256:abc\"]", DigestJson.Default.DigestArray));
        Assert.Contains("exactly 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Computes_the_same_digest_from_bytes_and_streams()
    {
        var bytes = Encoding.UTF8.GetBytes("hello registry");
        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(expected, Digest.Compute(bytes).ToString());
        Assert.Equal(expected, (await Digest.ComputeAsync(new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken)).ToString());
        Assert.Equal("sha512:" + Convert.ToHexStringLower(SHA512.HashData(bytes)), Digest.Compute(bytes, "sha512").ToString());
        Assert.True(Digest.Parse(expected).Matches(bytes));
        Assert.False(Digest.Parse(expected).Matches([.. bytes, 0]));
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Digest[]))]
internal sealed partial class DigestJson : System.Text.Json.Serialization.JsonSerializerContext
{
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace DockerApiGen.Registry.Tests.Support;

/// <summary>
/// Signs registry tokens (JWT, ES256 with a raw r||s signature) with the key start-test-registries.sh made. The key
/// is named by <c>kid</c> (libtrust's fingerprint of the certificate's key) or by <c>x5c</c> (the certificate
/// itself), the two ways docker-registry 2.8 finds it (token-auth-here.md).
/// </summary>
internal sealed class TestJwt : IDisposable
{
    private readonly ECDsa _key;
    private readonly X509Certificate2 _certificate;

    public TestJwt(string keyFile, string certificateFile)
    {
        _key = ECDsa.Create();
        _key.ImportFromPem(File.ReadAllText(keyFile));
        _certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificateFile));
        KeyId = LibtrustKeyId(_certificate.PublicKey.ExportSubjectPublicKeyInfo());
    }

    public string KeyId { get; }

    /// <summary>
    /// libtrust's key id: SHA-256 of the DER SubjectPublicKeyInfo, its first 30 bytes in RFC 4648 base32 (48 characters,
    /// no padding), in groups of four joined by ':'.
    /// </summary>
    public static string LibtrustKeyId(byte[] subjectPublicKeyInfo)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var hash = SHA256.HashData(subjectPublicKeyInfo).AsSpan(0, 30);
        var text = new StringBuilder();
        for (var bit = 0; bit < hash.Length * 8; bit += 5)
        {
            var value = 0;
            for (var i = 0; i < 5; i++)
            {
                value = (value << 1) | ((hash[(bit + i) / 8] >> (7 - ((bit + i) % 8))) & 1);
            }

            text.Append(alphabet[value]);
        }

        return string.Join(':', text.ToString().Chunk(4).Select(c => new string(c)));
    }

    public string Sign(string issuer, string audience, string? subject, IEnumerable<(string Type, string Name, string[] Actions)> access, DateTimeOffset issuedAt, DateTimeOffset expiresAt, bool useX5c)
    {
        var header = useX5c
            ? JsonSerializer.Serialize(new Dictionary<string, object> { ["typ"] = "JWT", ["alg"] = "ES256", ["x5c"] = new[] { Convert.ToBase64String(_certificate.RawData) } })
            : JsonSerializer.Serialize(new Dictionary<string, object> { ["typ"] = "JWT", ["alg"] = "ES256", ["kid"] = KeyId });
        var claims = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["iss"] = issuer,
            ["sub"] = subject ?? "",
            ["aud"] = audience,
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["nbf"] = issuedAt.AddSeconds(-5).ToUnixTimeSeconds(),
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["jti"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
            ["access"] = access.Select(a => new Dictionary<string, object> { ["type"] = a.Type, ["name"] = a.Name, ["actions"] = a.Actions }).ToArray(),
        });
        var signed = Base64Url(Encoding.UTF8.GetBytes(header)) + "." + Base64Url(Encoding.UTF8.GetBytes(claims));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signed + "." + Base64Url(signature);
    }

    public void Dispose()
    {
        _key.Dispose();
        _certificate.Dispose();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

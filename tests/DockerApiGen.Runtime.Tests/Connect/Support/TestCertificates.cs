using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DockerApiGen.Runtime.Tests.Connect.Support;

/// <summary>
/// The PEM files of the TLS tests, made fresh by each run: a CA with a server certificate (IP SAN 127.0.0.1) and a
/// client certificate, and a second, unrelated CA with a client certificate of its own. Each folder is laid out as
/// <c>DOCKER_CERT_PATH</c> expects (<c>ca.pem</c>, <c>cert.pem</c>, <c>key.pem</c>).
/// </summary>
internal sealed class TestCertificates
{
    private TestCertificates(string root)
    {
        Root = root;
    }

    public string Root { get; }

    /// <summary>The daemon's files: ca.pem, server-cert.pem, server-key.pem.</summary>
    public string ServerDirectory => Path.Combine(Root, "server");

    /// <summary>The right CA and a client certificate it signed.</summary>
    public string GoodClientDirectory => Path.Combine(Root, "good");

    /// <summary>The other CA (which did not sign the daemon's certificate) and the good client certificate.</summary>
    public string WrongCaDirectory => Path.Combine(Root, "wrong-ca");

    /// <summary>The right CA and a client certificate signed by the other CA.</summary>
    public string WrongClientDirectory => Path.Combine(Root, "wrong-client");

    /// <summary>The right CA and no client certificate.</summary>
    public string NoClientDirectory => Path.Combine(Root, "no-client");

    public static TestCertificates Create(string root)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = CreateCa("DockerApiGen test CA", caKey);
        using var otherCaKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var otherCa = CreateCa("DockerApiGen unrelated CA", otherCaKey);

        var (serverCert, serverKey) = Issue(ca, "127.0.0.1", server: true);
        var (clientCert, clientKey) = Issue(ca, "dockerapigen-client", server: false);
        var (strangerCert, strangerKey) = Issue(otherCa, "dockerapigen-stranger", server: false);

        var certificates = new TestCertificates(root);
        Write(certificates.ServerDirectory, ("ca.pem", ca.ExportCertificatePem()), ("server-cert.pem", serverCert), ("server-key.pem", serverKey));
        Write(certificates.GoodClientDirectory, ("ca.pem", ca.ExportCertificatePem()), ("cert.pem", clientCert), ("key.pem", clientKey));
        Write(certificates.WrongCaDirectory, ("ca.pem", otherCa.ExportCertificatePem()), ("cert.pem", clientCert), ("key.pem", clientKey));
        Write(certificates.WrongClientDirectory, ("ca.pem", ca.ExportCertificatePem()), ("cert.pem", strangerCert), ("key.pem", strangerKey));
        Write(certificates.NoClientDirectory, ("ca.pem", ca.ExportCertificatePem()));
        return certificates;
    }

    private static X509Certificate2 CreateCa(string name, ECDsa key)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
    }

    private static (string Certificate, string Key) Issue(X509Certificate2 ca, string name, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [server ? new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication") : new Oid("1.3.6.1.5.5.7.3.2", "Client Authentication")], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var certificate = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(6), serial);
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    private static void Write(string folder, params (string Name, string Pem)[] files)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, pem) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), pem + "\n");
        }
    }
}

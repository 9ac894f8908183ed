using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DockerApiGen.Runtime.Transport;

namespace DockerApiGen.Registry.Http;

/// <summary>
/// Accepts a registry certificate that the system trusts, or that chains to one of the configured CAs, and that
/// names the host. A refusal throws a <see cref="RegistryTlsException"/> with the reason instead of returning
/// false, so that the caller learns why rather than .NET's generic "rejected by the callback".
/// </summary>
internal sealed class RegistryCertificateValidator
{
    private readonly X509Certificate2Collection _roots = [];
    private readonly IReadOnlyList<string> _files;

    public RegistryCertificateValidator(RegistryTlsOptions options)
    {
        _files = options.TrustedCaCertificateFiles;
        foreach (var file in _files)
        {
            try
            {
                var before = _roots.Count;
                _roots.ImportFromPemFile(file);
                if (_roots.Count == before)
                {
                    throw new ArgumentException($"The CA file {file} (RegistryTlsOptions.TrustedCaCertificateFiles) holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
                }
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException($"The CA file {file} (RegistryTlsOptions.TrustedCaCertificateFiles) cannot be read as PEM certificates: {ex.Message}", ex);
            }
        }
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var host = (sender as SslStream)?.TargetHostName ?? "the registry";
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is not X509Certificate2 leaf || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            throw new RegistryTlsException(host, $"The registry {host} sent no TLS certificate.");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            throw new RegistryTlsException(host, $"The registry {host} presented a certificate (subject {leaf.Subject}) that does not name {host}. Connect with a name or address the certificate lists, or reissue it.");
        }

        if (_roots.Count > 0)
        {
            if (CertificateChains.Problems(leaf, _roots, chain) is not { } problems)
            {
                return true;
            }

            throw new RegistryTlsException(host, $"The registry {host} presented a certificate (subject {leaf.Subject}, issuer {leaf.Issuer}) that neither the system nor the CAs in {string.Join(", ", _files)} trust ({problems}). Add the CA that signed it to RegistryTlsOptions.TrustedCaCertificateFiles.");
        }

        throw new RegistryTlsException(host, $"The registry {host} presented a certificate (subject {leaf.Subject}, issuer {leaf.Issuer}) that the system does not trust. "
            + "If the registry uses a private CA, add its certificate to RegistryTlsOptions.TrustedCaCertificateFiles (the docker daemon reads it from /etc/docker/certs.d/<host:port>/ca.crt).");
    }
}

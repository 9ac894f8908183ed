using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace DockerApiGen.Runtime.Transport;

/// <summary>
/// Checks a daemon's certificate the way <c>docker --tlsverify</c> does: it must chain to the configured CA (the
/// only trust anchor; the system's store is not consulted) and name the host. A failure throws a
/// <see cref="DockerConnectionException"/> that says which check failed, rather than returning false, so that the
/// reason reaches the caller instead of .NET's generic "rejected by the callback".
/// </summary>
internal sealed class ServerCertificateValidator(string endpoint, string caFile, X509Certificate2Collection roots)
{
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is not X509Certificate2 leaf || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            throw new DockerConnectionException(endpoint, $"The daemon at {endpoint} sent no TLS certificate. Check that it was started with --tlsverify, --tlscert and --tlskey.");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            throw new DockerConnectionException(endpoint,
                $"The daemon at {endpoint} presented a certificate for '{leaf.GetNameInfo(X509NameType.DnsName, forIssuer: false)}' (subject {leaf.Subject}) that does not name this host. "
                + "Connect with a host name or address the certificate lists (subject alternative names), or reissue the daemon's certificate for this one.");
        }

        if (CertificateChains.Problems(leaf, roots, chain) is not { } problems)
        {
            return true;
        }

        throw new DockerConnectionException(endpoint,
            $"The daemon at {endpoint} presented a certificate (subject {leaf.Subject}, issuer {leaf.Issuer}) that the CA in {caFile} did not sign ({problems}). "
            + "Use the CA that signed the daemon's certificate as ca.pem (DOCKER_CERT_PATH or the context's TLS folder).");
    }
}

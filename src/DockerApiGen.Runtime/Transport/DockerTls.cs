using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DockerApiGen.Runtime.Configuration;

namespace DockerApiGen.Runtime.Transport;

/// <summary>Turns <see cref="DockerTlsOptions"/> (PEM files) into the <see cref="SslClientAuthenticationOptions"/> a transport uses.</summary>
public static class DockerTls
{
    /// <summary>
    /// Loads the PEM files and makes TLS settings that present the client certificate (when there is one) and
    /// verify the daemon against the CA only, host name included (unless
    /// <see cref="DockerTlsOptions.DangerouslyAcceptAnyServerCertificate"/>).
    /// </summary>
    /// <param name="options">The files and whether to verify.</param>
    /// <param name="host">The daemon's host name or address, which its certificate must name.</param>
    /// <param name="endpoint">The endpoint, for messages.</param>
    /// <param name="setting">Where the TLS settings came from (e.g. <c>DOCKER_CERT_PATH</c>), for messages.</param>
    /// <exception cref="DockerConfigurationException">A file is missing or is not a PEM certificate or key.</exception>
    public static SslClientAuthenticationOptions CreateClientOptions(DockerTlsOptions options, string host, string endpoint, string setting)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(host);
        var ssl = new SslClientAuthenticationOptions { TargetHost = host };

        var certFile = ExistingOrNull(options.EffectiveClientCertificateFile, options.ClientCertificateFile is not null, setting);
        var keyFile = ExistingOrNull(options.EffectiveClientKeyFile, options.ClientKeyFile is not null, setting);
        if ((certFile is null) != (keyFile is null))
        {
            throw new DockerConfigurationException(setting, $"The TLS settings for {endpoint} (from {setting}) have a client {(certFile is null ? "key" : "certificate")} but no client {(certFile is null ? "certificate" : "key")}. Provide both cert.pem and key.pem, or neither.");
        }

        if (certFile is not null)
        {
            var certificate = LoadClientCertificate(certFile, keyFile!, setting);
            // A context (not a collection) makes .NET send this certificate even when the daemon's list of acceptable
            // CAs does not name its issuer, so that the daemon, not the client, says that it is the wrong one.
            ssl.ClientCertificateContext = SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true);
        }

        if (options.DangerouslyAcceptAnyServerCertificate)
        {
            ssl.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
            return ssl;
        }

        var caFile = options.EffectiveCaCertificateFile;
        if (caFile is null || !File.Exists(caFile))
        {
            throw new DockerConfigurationException(setting,
                $"The TLS settings for {endpoint} (from {setting}) verify the daemon but there is no CA certificate{(caFile is null ? "" : $" at {caFile}")}. "
                + "Put the CA that signed the daemon's certificate there as ca.pem (DOCKER_CERT_PATH names the folder).");
        }

        var roots = LoadCertificates(caFile, setting);
        ssl.RemoteCertificateValidationCallback = new ServerCertificateValidator(endpoint, caFile, roots).Validate;
        return ssl;
    }

    private static string? ExistingOrNull(string? path, bool explicitlyNamed, string setting)
    {
        if (path is null)
        {
            return null;
        }

        if (File.Exists(path))
        {
            return path;
        }

        // As the docker CLI: the folder's default cert.pem and key.pem are optional, a file named on its own is not.
        return explicitlyNamed ? throw new DockerConfigurationException(setting, $"The TLS file {path} (from {setting}) does not exist. Check the path.") : null;
    }

    private static X509Certificate2Collection LoadCertificates(string file, string setting)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(file);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new DockerConfigurationException(setting, $"The CA file {file} (from {setting}) cannot be read as PEM certificates: {ex.Message}.", ex);
        }

        return certificates.Count > 0 ? certificates : throw new DockerConfigurationException(setting, $"The CA file {file} (from {setting}) holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
    }

    private static X509Certificate2 LoadClientCertificate(string certFile, string keyFile, string setting)
    {
        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(certFile, keyFile);
            if (!OperatingSystem.IsWindows())
            {
                return certificate;
            }

            // Windows' TLS stack (SChannel) cannot use an ephemeral key; a PKCS#12 round trip persists it for this process.
            using (certificate)
            {
                return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
            }
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new DockerConfigurationException(setting, $"The client certificate {certFile} and key {keyFile} (from {setting}) cannot be loaded as a PEM certificate and its private key: {ex.Message}.", ex);
        }
    }
}

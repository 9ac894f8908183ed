namespace DockerApiGen.Runtime.Transport;

/// <summary>
/// TLS to a daemon on TCP, from PEM files as the docker CLI keeps them: <c>ca.pem</c> (the CA that signed the
/// daemon's certificate), <c>cert.pem</c> and <c>key.pem</c> (this client's certificate, for a daemon started
/// with <c>--tlsverify</c>). The daemon's certificate is checked against the CA only (not the system's trust
/// store) and against the host name. Bindable from configuration (every property is a plain value).
/// </summary>
public sealed class DockerTlsOptions
{
    /// <summary>A folder holding <c>ca.pem</c>, <c>cert.pem</c> and <c>key.pem</c> (what <c>DOCKER_CERT_PATH</c> names).</summary>
    public string? CertificateDirectory { get; init; }

    /// <summary>The CA certificate file (PEM); default <c>ca.pem</c> in <see cref="CertificateDirectory"/>.</summary>
    public string? CaCertificateFile { get; init; }

    /// <summary>The client certificate file (PEM); default <c>cert.pem</c> in <see cref="CertificateDirectory"/>, when it exists.</summary>
    public string? ClientCertificateFile { get; init; }

    /// <summary>The client's private key file (PEM); default <c>key.pem</c> in <see cref="CertificateDirectory"/>, when it exists.</summary>
    public string? ClientKeyFile { get; init; }

    /// <summary>
    /// Accept any certificate the daemon presents: the connection is encrypted but anyone between here and the
    /// daemon can read and change it. What <c>DOCKER_TLS</c> without <c>DOCKER_TLS_VERIFY</c>, and a context with
    /// <c>skip-tls-verify=true</c>, ask for. Default false.
    /// </summary>
    public bool DangerouslyAcceptAnyServerCertificate { get; init; }

    /// <summary>The CA file that applies: <see cref="CaCertificateFile"/>, else <c>ca.pem</c> in the folder, else null.</summary>
    public string? EffectiveCaCertificateFile => CaCertificateFile ?? InDirectory("ca.pem");

    /// <summary>The client certificate file that applies, or null.</summary>
    public string? EffectiveClientCertificateFile => ClientCertificateFile ?? InDirectory("cert.pem");

    /// <summary>The client key file that applies, or null.</summary>
    public string? EffectiveClientKeyFile => ClientKeyFile ?? InDirectory("key.pem");

    /// <inheritdoc />
    public override string ToString()
        => $"DockerTlsOptions {{ CA = {EffectiveCaCertificateFile ?? "none"}, Certificate = {EffectiveClientCertificateFile ?? "none"}, "
            + $"Key = {(EffectiveClientKeyFile is null ? "none" : "(file)")}, DangerouslyAcceptAnyServerCertificate = {DangerouslyAcceptAnyServerCertificate} }}";

    private string? InDirectory(string file) => CertificateDirectory is null ? null : Path.Combine(CertificateDirectory, file);
}

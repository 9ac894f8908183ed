namespace DockerApiGen.Registry.Http;

/// <summary>
/// Which registry certificates to trust: the system's store, plus the CAs in <see cref="TrustedCaCertificateFiles"/>
/// (a registry with a private CA; what the docker daemon reads from <c>/etc/docker/certs.d/&lt;host&gt;/ca.crt</c>).
/// Host names are always checked.
/// </summary>
public sealed class RegistryTlsOptions
{
    /// <summary>PEM files of further CAs to trust (each may hold several certificates).</summary>
    public IReadOnlyList<string> TrustedCaCertificateFiles { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => $"RegistryTlsOptions {{ TrustedCaCertificateFiles = [{string.Join(", ", TrustedCaCertificateFiles)}] }}";
}

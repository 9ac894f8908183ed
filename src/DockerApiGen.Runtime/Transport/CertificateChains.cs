using System.Security.Cryptography.X509Certificates;

namespace DockerApiGen.Runtime.Transport;

/// <summary>Checks a server certificate against configured CAs only (not the system's store), for the validators of daemons and registries.</summary>
public static class CertificateChains
{
    /// <summary>
    /// Null when <paramref name="leaf"/> chains to one of <paramref name="roots"/> (using the intermediates the server
    /// sent in <paramref name="presented"/>); otherwise what the chain builder found wrong, for a message.
    /// </summary>
    /// <param name="leaf">The server's certificate.</param>
    /// <param name="roots">The trusted CAs.</param>
    /// <param name="presented">The chain .NET built from what the server sent, if any.</param>
    public static string? Problems(X509Certificate2 leaf, X509Certificate2Collection roots, X509Chain? presented)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(roots);
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            custom.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
        }

        return custom.Build(leaf) ? null : string.Join("; ", custom.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
    }
}

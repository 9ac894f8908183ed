using System.Buffers.Text;
using DockerApiGen.Runtime.Auth;

namespace DockerApiGen.Contract.Tests.Driver;

/// <summary>Registry credentials for requests, chosen where encoders go wrong.</summary>
public static class SampleCredentials
{
    /// <summary>
    /// Credentials whose password's standard base64 holds <c>/</c> and <c>+</c> (so base64 in place of
    /// base64url shows), and whose JSON is not a multiple of 3 bytes long (so its base64url needs <c>=</c>
    /// padding, and a missing pad shows). The JSON's length is measured by decoding the client's own header,
    /// leniently, so the choice does not depend on how the client pads.
    /// </summary>
    public static RegistryCredentials Create()
    {
        foreach (var suffix in new[] { string.Empty, "x", "xy" })
        {
            var credentials = new RegistryCredentials("user", "??>>" + suffix + ArgumentSynthesizer.Awkward, "127.0.0.1:5000", ArgumentSynthesizer.Awkward);
            if (Base64Url.DecodeFromChars(credentials.ToHeaderValue().TrimEnd('=')).Length % 3 != 0)
            {
                return credentials;
            }
        }

        throw new InvalidOperationException("Three consecutive lengths cannot all be multiples of 3.");
    }
}

using System.Buffers.Text;
using System.Text.Json;

namespace DockerApiGen.Hub.Auth;

/// <summary>
/// When a Hub token expires, read from the token itself: the Hub's token answers carry no <c>expires_in</c>, but the
/// tokens are JWTs with <c>exp</c> (and usually <c>iat</c>) claims. The lifetime <c>exp − iat</c> is counted from
/// when the answer arrived, so a clock that differs from the Hub's neither keeps a token too long nor renews it on
/// every request; with <c>exp</c> alone, <c>exp</c> is taken as it is; a token that is not a JWT with <c>exp</c> gets
/// the lifetime the Hub documents for its access tokens (10 minutes). The signature is not checked: the client only
/// schedules renewal, the Hub judges the token.
/// </summary>
internal static class JwtLifetime
{
    /// <summary>The lifetime the Hub documents for <c>/v2/auth/token</c>'s access tokens.</summary>
    public static readonly TimeSpan Documented = TimeSpan.FromMinutes(10);

    /// <summary>The expiry of a token received at <paramref name="receivedAt"/>, and where it came from.</summary>
    public static (DateTimeOffset ExpiresAt, string Source) Read(string token, DateTimeOffset receivedAt)
    {
        var (exp, iat) = ReadClaims(token);
        if (exp is { } expires && iat is { } issued && expires > issued)
        {
            return (receivedAt + TimeSpan.FromSeconds(expires - issued), "JWT exp − iat");
        }

        if (exp is { } only)
        {
            return (DateTimeOffset.FromUnixTimeSeconds(only), "JWT exp");
        }

        return (receivedAt + Documented, "documented 10-minute lifetime");
    }

    /// <summary>The <c>exp</c> and <c>iat</c> claims (Unix seconds), each null when absent or the token is not a JWT.</summary>
    public static (long? Exp, long? Iat) ReadClaims(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[1].Length == 0 || parts[1].Length > 16 * 1024)
        {
            return (null, null);
        }

        var payload = new byte[Base64Url.GetMaxDecodedLength(parts[1].Length)];
        if (Base64Url.DecodeFromChars(parts[1], payload, out _, out var length) != System.Buffers.OperationStatus.Done)
        {
            return (null, null);
        }

        try
        {
            long? exp = null, iat = null;
            var reader = new Utf8JsonReader(payload.AsSpan(0, length));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isExp = reader.ValueTextEquals("exp"u8);
                var isIat = reader.ValueTextEquals("iat"u8);
                reader.Read();
                if ((isExp || isIat) && reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var seconds) && seconds is > 0 and < 253402300800)
                {
                    if (isExp)
                    {
                        exp = (long)seconds;
                    }
                    else
                    {
                        iat = (long)seconds;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            return (exp, iat);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}

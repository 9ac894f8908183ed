using System.Security.Cryptography;
using System.Text.Json.Serialization;
using DockerApiGen.Registry.Json;

namespace DockerApiGen.Registry.Content;

/// <summary>
/// A content digest as registries and image references write it, <c>algorithm:encoded</c>
/// (<c>sha256:</c> followed by 64 lower-case hex digits). Only the algorithms a client can verify are accepted
/// (<c>sha256</c>, <c>sha384</c>, <c>sha512</c>), each with exactly its length of lower-case hex, as the docker CLI
/// and the OCI image spec require. Equal digests compare equal; <see cref="ToString"/> gives the wire form, which
/// is also its JSON form (<see cref="DigestJsonConverter"/>).
/// </summary>
[JsonConverter(typeof(DigestJsonConverter))]
public readonly record struct Digest
{
    private readonly string? _value;

    private Digest(string algorithm, string encoded)
    {
        Algorithm = algorithm;
        Encoded = encoded;
        _value = algorithm + ":" + encoded;
    }

    /// <summary>The algorithm: <c>sha256</c>, <c>sha384</c> or <c>sha512</c>.</summary>
    public string Algorithm { get; } = "";

    /// <summary>The hash in lower-case hex.</summary>
    public string Encoded { get; } = "";

    /// <summary>Parses <c>algorithm:hex</c>.</summary>
    /// <param name="text">The digest.</param>
    /// <exception cref="FormatException">The text is not a supported digest; the message says what is wrong and where.</exception>
    public static Digest Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var digest, out var error) ? digest : throw new FormatException(error);
    }

    /// <summary>Parses <c>algorithm:hex</c> without throwing.</summary>
    /// <param name="text">The digest.</param>
    /// <param name="digest">The digest, when it parses.</param>
    public static bool TryParse(string? text, out Digest digest) => TryParse(text, out digest, out _);

    /// <summary>Parses <c>algorithm:hex</c>, saying what is wrong when it does not parse.</summary>
    /// <param name="text">The digest.</param>
    /// <param name="digest">The digest, when it parses.</param>
    /// <param name="error">What is wrong and at which character, when it does not parse.</param>
    public static bool TryParse(string? text, out Digest digest, out string? error)
    {
        digest = default;
        error = Validate(text);
        if (error is not null)
        {
            return false;
        }

        var colon = text!.IndexOf(':', StringComparison.Ordinal);
        digest = new Digest(text[..colon], text[(colon + 1)..]);
        return true;
    }

    /// <summary>The digest of <paramref name="content"/> with <paramref name="algorithm"/> (default sha256).</summary>
    /// <param name="content">The bytes.</param>
    /// <param name="algorithm"><c>sha256</c>, <c>sha384</c> or <c>sha512</c>.</param>
    public static Digest Compute(ReadOnlySpan<byte> content, string algorithm = "sha256")
    {
        using var hash = CreateHash(algorithm);
        hash.AppendData(content);
        return FromHash(algorithm, hash.GetHashAndReset());
    }

    /// <summary>The digest of everything <paramref name="content"/> has left to read, read to its end.</summary>
    /// <param name="content">The stream (read, not disposed).</param>
    /// <param name="algorithm"><c>sha256</c>, <c>sha384</c> or <c>sha512</c>.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<Digest> ComputeAsync(Stream content, string algorithm = "sha256", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var hash = CreateHash(algorithm);
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return FromHash(algorithm, hash.GetHashAndReset());
    }

    /// <summary>True when <paramref name="content"/> hashes to this digest.</summary>
    /// <param name="content">The bytes.</param>
    public bool Matches(ReadOnlySpan<byte> content) => Compute(content, RequireAlgorithm()) == this;

    /// <summary>The wire form, <c>algorithm:hex</c> (empty for <c>default</c>).</summary>
    public override string ToString() => _value ?? "";

    /// <summary>An incremental hash of this digest's algorithm, for verifying content as it streams.</summary>
    internal IncrementalHash CreateHash() => CreateHash(RequireAlgorithm());

    internal static Digest FromHash(string algorithm, byte[] hash) => new(algorithm, Convert.ToHexStringLower(hash));

    private string RequireAlgorithm()
        => _value is null ? throw new InvalidOperationException("This Digest is the default value, not a parsed digest.") : Algorithm;

    private static IncrementalHash CreateHash(string algorithm) => algorithm switch
    {
        "sha256" => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
        "sha384" => IncrementalHash.CreateHash(HashAlgorithmName.SHA384),
        "sha512" => IncrementalHash.CreateHash(HashAlgorithmName.SHA512),
        _ => throw new ArgumentException($"The digest algorithm '{algorithm}' is not supported; use sha256, sha384 or sha512.", nameof(algorithm)),
    };

    private static int? HexLength(string algorithm) => algorithm switch
    {
        "sha256" => 64,
        "sha384" => 96,
        "sha512" => 128,
        _ => null,
    };

    private static string? Validate(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "The digest is empty; expected algorithm:hex, e.g. sha256: followed by 64 hex digits.";
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return $"The digest '{text}' has no ':' between algorithm and hash; expected algorithm:hex, e.g. sha256: followed by 64 hex digits.";
        }

        if (colon == 0)
        {
            return $"The digest '{text}' has no algorithm before ':'; expected e.g. sha256.";
        }

        // The OCI grammar: components of [a-z0-9] joined by one of + . _ - (checked so that the message can say so).
        var algorithm = text[..colon];
        var afterSeparator = true; // a separator may neither start nor end the algorithm, nor follow another
        for (var i = 0; i < algorithm.Length; i++)
        {
            var c = algorithm[i];
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                afterSeparator = false;
            }
            else if (c is '+' or '.' or '_' or '-' && !afterSeparator && i < algorithm.Length - 1)
            {
                afterSeparator = true;
            }
            else
            {
                return $"The digest '{text}' has '{c}' at character {i + 1} of its algorithm; an algorithm is lower-case letters and digits, optionally joined by one of + . _ - (e.g. sha256).";
            }
        }

        if (HexLength(algorithm) is not { } length)
        {
            return $"The digest '{text}' uses the algorithm '{algorithm}', which is not supported; use sha256, sha384 or sha512.";
        }

        var encoded = text.AsSpan(colon + 1);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (!char.IsAsciiHexDigitLower(encoded[i]))
            {
                var what = char.IsAsciiHexDigitUpper(encoded[i]) ? "an upper-case hex digit" : $"'{encoded[i]}'";
                return $"The digest '{text}' has {what} at character {colon + 2 + i}; a {algorithm} digest is {length} lower-case hex digits.";
            }
        }

        return encoded.Length == length
            ? null
            : $"The {algorithm} digest '{text}' has {encoded.Length} hex digits after ':'; it must have exactly {length}.";
    }
}

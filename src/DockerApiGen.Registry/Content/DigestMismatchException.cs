namespace DockerApiGen.Registry.Content;

/// <summary>
/// Downloaded content did not hash to the digest it was asked for, or did not have the size its descriptor gave: it
/// was corrupted or tampered with on the way or in the registry. Nothing of it should be used.
/// </summary>
public sealed class DigestMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="expected">The digest the content was asked for.</param>
    /// <param name="actual">The digest of what arrived, when the whole content was read; null when it stopped on the size.</param>
    /// <param name="expectedSize">The size the content should have, when known.</param>
    /// <param name="actualSize">How many bytes arrived (at least; more may have followed).</param>
    /// <param name="content">What was read, for the message (e.g. <c>blob sha256:… of 127.0.0.1:5000/app</c>).</param>
    public DigestMismatchException(Digest expected, Digest? actual, long? expectedSize, long actualSize, string content)
        : base(Describe(expected, actual, expectedSize, actualSize, content))
    {
        Expected = expected;
        Actual = actual;
        ExpectedSize = expectedSize;
        ActualSize = actualSize;
        Content = content;
    }

    /// <summary>The digest the content was asked for.</summary>
    public Digest Expected { get; }

    /// <summary>The digest of what arrived, or null when reading stopped because of the size.</summary>
    public Digest? Actual { get; }

    /// <summary>The expected size, when known.</summary>
    public long? ExpectedSize { get; }

    /// <summary>How many bytes arrived before the check failed.</summary>
    public long ActualSize { get; }

    /// <summary>What was read.</summary>
    public string Content { get; }

    private static string Describe(Digest expected, Digest? actual, long? expectedSize, long actualSize, string content)
    {
        if (actual is null)
        {
            return $"The {content} sent more than the {expectedSize} bytes its descriptor gives ({actualSize} so far); "
                + $"it cannot be {expected}. It was corrupted or tampered with; nothing of it was returned as verified. Try again, or check the registry.";
        }

        var size = expectedSize is { } wanted && wanted != actualSize ? $" and {actualSize} bytes instead of {wanted}" : $" ({actualSize} bytes)";
        return $"The {content} hashed to {actual}{size}, not to {expected}. It was corrupted or tampered with; "
            + "the verifying stream withheld its end, so no complete copy was returned. Try again, or check the registry.";
    }
}

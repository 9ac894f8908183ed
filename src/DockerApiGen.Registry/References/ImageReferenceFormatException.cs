namespace DockerApiGen.Registry.References;

/// <summary>
/// An image reference does not follow the distribution reference grammar. The message names the reference, what is
/// wrong and the character (1-based) where it is; <see cref="Position"/> gives the same for code.
/// </summary>
public sealed class ImageReferenceFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reference">The text that was parsed.</param>
    /// <param name="position">The 1-based character where the problem is, or 0 when it concerns the whole text.</param>
    /// <param name="problem">What is wrong, as a sentence.</param>
    public ImageReferenceFormatException(string reference, int position, string problem)
        : base($"Invalid image reference '{reference}': {problem}")
    {
        Reference = reference;
        Position = position;
        Problem = problem;
    }

    /// <summary>The text that was parsed.</summary>
    public string Reference { get; }

    /// <summary>The 1-based character where the problem is, or 0 when it concerns the whole text (its length, say).</summary>
    public int Position { get; }

    /// <summary>What is wrong, without the reference.</summary>
    public string Problem { get; }
}

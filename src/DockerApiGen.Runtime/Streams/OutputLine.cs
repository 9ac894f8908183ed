namespace DockerApiGen.Runtime.Streams;

/// <summary>One line of a container's output.</summary>
/// <param name="Kind">Standard output or standard error (always standard output for a TTY).</param>
/// <param name="Text">The line, without its line break.</param>
public readonly record struct OutputLine(StreamKind Kind, string Text);

namespace DockerApiGen.Runtime.Streams;

/// <summary>An error reported inside a progress stream.</summary>
/// <param name="Message">The daemon's error text.</param>
/// <param name="Code">Its code, when given.</param>
public sealed record ProgressError(string Message, long? Code);

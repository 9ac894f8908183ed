namespace DockerApiGen.Generator.Emitting;

/// <summary>One emitted file.</summary>
/// <param name="RelativePath">Its path below the version's project folder, with '/' separators.</param>
/// <param name="Text">Its full text (LF line endings).</param>
public sealed record GeneratedFile(string RelativePath, string Text);

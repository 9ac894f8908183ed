namespace DockerApiGen.Registry.Content;

/// <summary>Content read whole and checked: its bytes, its digest and the media type the registry gave it.</summary>
/// <param name="Bytes">The content, exactly as the registry sent it.</param>
/// <param name="Digest">Its digest (the one it was asked for or announced with, which it matched; else computed).</param>
/// <param name="MediaType">The answer's <c>Content-Type</c> without parameters, or null.</param>
/// <param name="Verified">True when the content was checked against a digest given beforehand or announced by the registry; false when none was (a tag without <c>Docker-Content-Digest</c>), and <see cref="Digest"/> is only what it hashes to.</param>
public sealed record VerifiedContent(ReadOnlyMemory<byte> Bytes, Digest Digest, string? MediaType, bool Verified);

namespace DockerApiGen.Generator.Surface;

/// <summary>One entry of a public surface: a type (no member), or one member of a type.</summary>
/// <param name="Type">The type's full name.</param>
/// <param name="Member">The member's name with its parameters and accessors (<c>Id { get; set; }</c>), or null for the type itself.</param>
/// <param name="Detail">What follows: the member's type, modifiers and wire attributes, or the type's kind and bases.</param>
/// <param name="Line">The whole line as the snapshot holds it.</param>
public sealed record SurfaceEntry(string Type, string? Member, string Detail, string Line);

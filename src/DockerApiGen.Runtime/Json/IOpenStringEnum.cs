namespace DockerApiGen.Runtime.Json;

/// <summary>
/// A string enumeration that stays open: values the spec does not list (a newer daemon, Podman,
/// a plugin) are kept as they are instead of failing deserialization, and written back unchanged.
/// </summary>
/// <typeparam name="TSelf">The generated value type.</typeparam>
public interface IOpenStringEnum<TSelf>
    where TSelf : struct, IOpenStringEnum<TSelf>
{
    /// <summary>The value exactly as it appears on the wire.</summary>
    string Value { get; }

    /// <summary>Whether the spec this type was generated from lists <see cref="Value"/>.</summary>
    bool IsKnown { get; }

    /// <summary>Wraps a wire value, known or not.</summary>
    /// <param name="value">The wire value.</param>
    static abstract TSelf FromValue(string value);
}

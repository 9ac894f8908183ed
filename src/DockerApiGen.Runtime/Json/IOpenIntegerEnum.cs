namespace DockerApiGen.Runtime.Json;

/// <summary>
/// An integer enumeration that stays open (for example the container change kind 0/1/2): unknown
/// numbers are kept and written back unchanged instead of failing deserialization.
/// </summary>
/// <typeparam name="TSelf">The generated value type.</typeparam>
public interface IOpenIntegerEnum<TSelf>
    where TSelf : struct, IOpenIntegerEnum<TSelf>
{
    /// <summary>The number exactly as it appears on the wire.</summary>
    long Value { get; }

    /// <summary>Whether the spec this type was generated from lists <see cref="Value"/>.</summary>
    bool IsKnown { get; }

    /// <summary>Wraps a wire value, known or not.</summary>
    /// <param name="value">The wire value.</param>
    static abstract TSelf FromValue(long value);
}

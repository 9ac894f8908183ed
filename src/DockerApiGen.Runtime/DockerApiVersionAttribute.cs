namespace DockerApiGen.Runtime;

/// <summary>
/// Marks a generated model or options property with the Engine API versions it exists in, as the locked specs
/// say: the version that introduced it (unset when it is present since the oldest version the package knows),
/// and, where the specs say so, the version that deprecated it and the one that removed it. A client that
/// negotiates an older version refuses (or drops) a value set on a property newer than that version.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class DockerApiVersionAttribute : Attribute
{
    /// <summary>The API version that introduced the member (<c>1.44</c>), or null when it is as old as the package's oldest known version.</summary>
    public string? Since { get; set; }

    /// <summary>The API version from which the specs mark the member deprecated, if any (it may be newer than the package's own version).</summary>
    public string? DeprecatedSince { get; set; }

    /// <summary>The first API version without the member, if a newer version removed it.</summary>
    public string? RemovedIn { get; set; }
}

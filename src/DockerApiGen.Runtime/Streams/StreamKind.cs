namespace DockerApiGen.Runtime.Streams;

/// <summary>Which stream a frame of a multiplexed stream belongs to (byte 0 of its header).</summary>
public enum StreamKind : byte
{
    /// <summary>Standard input (written back by some daemons on attach).</summary>
    StandardInput = 0,

    /// <summary>Standard output.</summary>
    StandardOutput = 1,

    /// <summary>Standard error.</summary>
    StandardError = 2,
}

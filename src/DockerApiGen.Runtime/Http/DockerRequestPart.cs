namespace DockerApiGen.Runtime.Http;

/// <summary>Where a value of a request travels (for the version checks of a negotiating connection).</summary>
public enum DockerRequestPart
{
    /// <summary>The query string.</summary>
    Query,

    /// <summary>A header.</summary>
    Header,

    /// <summary>The body as a whole.</summary>
    Body,

    /// <summary>A property inside a JSON body.</summary>
    BodyProperty,
}

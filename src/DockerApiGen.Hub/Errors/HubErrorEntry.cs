namespace DockerApiGen.Hub.Errors;

/// <summary>One entry of an <c>errors</c> list in a Hub error body: a code and a message, or a message alone.</summary>
/// <param name="Code">The entry's code, if it had one.</param>
/// <param name="Message">The entry's message (or detail), if it had one.</param>
public sealed record HubErrorEntry(string? Code, string? Message)
{
    /// <summary><c>CODE: message</c>, or whichever of the two there is.</summary>
    public override string ToString() => (Code, Message) switch
    {
        ({ Length: > 0 } code, { Length: > 0 } message) => code + ": " + message,
        ({ Length: > 0 } code, _) => code,
        _ => Message ?? "",
    };
}

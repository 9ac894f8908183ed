using System.Net.Sockets;
using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Spec;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>What a wire behaviour needs to answer one request.</summary>
/// <param name="Spec">The version's spec.</param>
/// <param name="Operation">The operation the request matched.</param>
/// <param name="Request">The request.</param>
/// <param name="Socket">The connection's socket (hijacked connections half-close and close it).</param>
/// <param name="Connection">The connection's stream, to write the response to.</param>
/// <param name="Reader">The connection's reader: a hijacked connection's stdin comes from it, buffered bytes first.</param>
/// <param name="Samples">Sample values of the spec's schemas.</param>
public sealed record ResponseContext(ContractSpec Spec, SpecOperation Operation, HttpRequest Request, Socket Socket, Stream Connection, ConnectionReader Reader, SampleJson Samples)
{
    /// <summary>Header fields every answer carries besides its own (the Hub's rate-limit headers).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraHeaders { get; init; } = [];

    /// <summary>The server's tokens, for the token endpoints' answers; null when the server issues none.</summary>
    public TokenAuthority? Tokens { get; init; }

    /// <summary>Whether the request is HEAD (headers only).</summary>
    public bool IsHead => Request.Method == "HEAD";
}

using DockerApiGen.Contract.Tests.Server;
using DockerApiGen.Contract.Tests.Validation;

namespace DockerApiGen.Contract.Tests.Responses;

/// <summary>
/// How the server answers one kind of operation on the wire. Most answer from the spec's schema; the
/// operations the spec cannot express (streams, hijacks, headers-only answers) have their own, listed in
/// <see cref="WireBehaviours"/>.
/// </summary>
public abstract class WireBehaviour
{
    /// <summary>What this wire form needs from the request beyond the spec (e.g. the Upgrade headers of a hijack).</summary>
    /// <param name="request">The request.</param>
    public virtual IEnumerable<Violation> Check(HttpRequest request) => [];

    /// <summary>Answers the request.</summary>
    /// <param name="context">The request and its connection.</param>
    /// <param name="cancellationToken">Cancels answering (the server stops).</param>
    /// <returns>Whether the connection may carry another request (false once it is hijacked).</returns>
    public abstract Task<bool> RespondAsync(ResponseContext context, CancellationToken cancellationToken);
}

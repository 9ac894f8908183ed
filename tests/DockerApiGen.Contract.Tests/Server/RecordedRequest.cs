using DockerApiGen.Contract.Tests.Validation;

namespace DockerApiGen.Contract.Tests.Server;

/// <summary>One request the server received, with what it made of it.</summary>
/// <param name="Request">The request as it arrived.</param>
/// <param name="OperationId">The operation it matched, or null when it matched none.</param>
/// <param name="PathValues">Its decoded path parameters.</param>
/// <param name="Violations">How it breaks the spec; empty when it does not.</param>
public sealed record RecordedRequest(HttpRequest Request, string? OperationId, IReadOnlyDictionary<string, string> PathValues, IReadOnlyList<Violation> Violations)
{
    /// <inheritdoc />
    public override string ToString()
        => $"{Request} → {OperationId ?? "no operation"}{(Violations.Count == 0 ? string.Empty : Environment.NewLine + string.Join(Environment.NewLine, Violations.Select(v => "  " + v)))}";
}

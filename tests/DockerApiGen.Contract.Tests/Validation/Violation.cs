namespace DockerApiGen.Contract.Tests.Validation;

/// <summary>One way a request breaks its spec.</summary>
/// <param name="Subject">What is wrong: <c>query 'limit'</c>, <c>body /HostConfig/Memory</c>, <c>header X-Registry-Auth</c>…</param>
/// <param name="Problem">How it is wrong, as a sentence.</param>
public sealed record Violation(string Subject, string Problem)
{
    /// <inheritdoc />
    public override string ToString() => $"{Subject}: {Problem}";
}

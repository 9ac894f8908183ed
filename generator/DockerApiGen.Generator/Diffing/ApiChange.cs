using System.Security.Cryptography;
using System.Text;

namespace DockerApiGen.Generator.Diffing;

/// <summary>How much a change can hurt a client that upgrades from one version to the next.</summary>
public enum ChangeLevel
{
    /// <summary>Code or behaviour that worked against the old version can fail against the new one.</summary>
    Breaking,

    /// <summary>It may break, depending on how the client uses it (a new enum value in a response, a changed default).</summary>
    PossiblyBreaking,

    /// <summary>Additive or relaxing: nothing that worked stops working.</summary>
    NonBreaking,
}

/// <summary>Which way the affected data travels, seen from the client.</summary>
public enum ChangeDirection
{
    /// <summary>The change is to the operation itself (added, removed, moved).</summary>
    None,

    /// <summary>Data the client sends.</summary>
    Request,

    /// <summary>Data the client receives.</summary>
    Response,

    /// <summary>A schema used both ways.</summary>
    Both,
}

/// <summary>One difference between two API versions, judged by a rule.</summary>
/// <param name="RuleId">The rule that found it (stable; see <see cref="DiffRules"/>).</param>
/// <param name="Level">How much it can break a client.</param>
/// <param name="Direction">Request, response, both, or neither.</param>
/// <param name="Operation">The operation id it concerns, if any.</param>
/// <param name="Schema">The schema (C# type name) it concerns, if any.</param>
/// <param name="Pointer">Where, as a JSON pointer into the newer spec (the older one for removals).</param>
/// <param name="Text">One line for people.</param>
public sealed record ApiChange(string RuleId, ChangeLevel Level, ChangeDirection Direction, string? Operation, string? Schema, string Pointer, string Text)
{
    /// <summary>
    /// A 12-hex-digit id stable across runs and versions: the rule plus what it concerns, not the text or
    /// the versions, so an ignore file keeps matching the same accepted change.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var key = $"{RuleId}|{Operation}|{Schema}|{Target}";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
        }
    }

    /// <summary>The thing changed, as a short path: <c>ContainerCreate/query/name</c>, <c>ContainerSummary.Labels</c>.</summary>
    public string Target { get; init; } = string.Empty;
}

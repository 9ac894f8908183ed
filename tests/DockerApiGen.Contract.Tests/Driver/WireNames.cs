using DockerApiGen.Contract.Tests.Spec;

namespace DockerApiGen.Contract.Tests.Driver;

/// <summary>
/// Matches a generated C# name (a method parameter, an options property) to the spec parameter it carries:
/// names compare without case, punctuation or a header's <c>X-</c> (<c>SharedSize</c> is <c>shared-size</c>,
/// <c>RegistryAuth</c> is <c>X-Registry-Auth</c>).
/// </summary>
public static class WireNames
{
    /// <summary>The spec parameter a C# name carries, or null when none matches.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="clrName">The C# name.</param>
    public static SpecParameter? Find(SpecOperation operation, string clrName)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var key = Normalize(clrName);
        return operation.Parameters.FirstOrDefault(p => Normalize(p.Name) == key)
            ?? operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Header && Normalize(p.Name).StartsWith('x') && Normalize(p.Name)[1..] == key);
    }

    private static string Normalize(string name) => new([.. name.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);
}

using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerApiGen.Generator.Naming;

/// <summary>Turns wire names into C# identifiers: PascalCase for types and members, camelCase for parameters.</summary>
public static class Identifiers
{
    /// <summary>
    /// PascalCase: splits on anything that is not a letter or digit (<c>cpu_stats</c>, <c>os.version</c>,
    /// <c>X-Registry-Auth</c>) and capitalises each part's first letter, keeping the rest as written so
    /// that <c>IPAMConfig</c> stays <c>IPAMConfig</c>. A leading digit gets a <c>V</c> in front.
    /// </summary>
    /// <param name="wireName">The name as written in the spec.</param>
    public static string ToPascalCase(string wireName)
    {
        ArgumentNullException.ThrowIfNull(wireName);
        var result = new StringBuilder(wireName.Length);
        var startOfPart = true;
        foreach (var c in wireName)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                startOfPart = true;
                continue;
            }

            result.Append(startOfPart ? char.ToUpperInvariant(c) : c);
            startOfPart = false;
        }

        if (result.Length > 0 && char.IsAsciiDigit(result[0]))
        {
            result.Insert(0, 'V');
        }

        return result.ToString();
    }

    /// <summary>camelCase, escaped with <c>@</c> when it is a C# keyword.</summary>
    /// <param name="wireName">The name as written in the spec.</param>
    public static string ToCamelCase(string wireName)
    {
        var pascal = ToPascalCase(wireName);
        if (pascal.Length == 0)
        {
            return pascal;
        }

        // Lower the leading run of capitals except the last one before a lower-case letter: IPAMConfig → ipamConfig.
        var upperRun = 0;
        while (upperRun < pascal.Length && char.IsAsciiLetterUpper(pascal[upperRun]))
        {
            upperRun++;
        }

        var lowered = upperRun switch
        {
            0 => pascal,
            1 => char.ToLowerInvariant(pascal[0]) + pascal[1..],
            _ when upperRun == pascal.Length => pascal.ToLowerInvariant(),
            _ when char.IsAsciiLetterLower(pascal[upperRun]) => pascal[..(upperRun - 1)].ToLowerInvariant() + pascal[(upperRun - 1)..],
            _ => pascal[..upperRun].ToLowerInvariant() + pascal[upperRun..],
        };
        return SyntaxFacts.GetKeywordKind(lowered) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(lowered) != SyntaxKind.None
            ? "@" + lowered
            : lowered;
    }

    /// <summary>The C# member name of an enumeration value: PascalCase, <c>Empty</c> for the empty string.</summary>
    /// <param name="wireValue">The wire value.</param>
    public static string EnumMemberName(string wireValue)
    {
        ArgumentNullException.ThrowIfNull(wireValue);
        if (wireValue.Length == 0)
        {
            return "Empty";
        }

        var name = ToPascalCase(wireValue);
        return name.Length == 0
            ? "Value" + string.Concat(wireValue.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)))
            : name;
    }

    /// <summary>Whether a name is a valid, non-keyword C# identifier.</summary>
    /// <param name="name">The name.</param>
    public static bool IsValidIdentifier(string name)
        => SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;
}

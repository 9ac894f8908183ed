using DockerApiGen.Contract.Tests.Spec;

namespace DockerApiGen.Contract.Tests.Validation;

/// <summary>
/// Checks a query string against an operation: every name declared, each value of its declared type,
/// only lists repeated, required parameters present. An OpenAPI 3 list whose <c>explode</c> is false comes once,
/// its items separated as its <c>style</c> says (comma, space or pipe).
/// </summary>
public static class QueryValidator
{
    /// <summary>Checks a request's query.</summary>
    /// <param name="rawQuery">The query, still encoded, without <c>?</c>.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="violations">Where problems are reported.</param>
    public static void Validate(string rawQuery, SpecOperation operation, ICollection<Violation> violations)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(violations);
        var declared = operation.In(ParameterLocation.Query).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var pairs = QueryString.Parse(rawQuery, violations);
        foreach (var group in pairs.GroupBy(p => p.Key, StringComparer.Ordinal))
        {
            var subject = $"query '{group.Key}'";
            if (!declared.TryGetValue(group.Key, out var parameter))
            {
                violations.Add(new Violation(subject, $"is not a parameter of {operation.OperationId} (names are case-sensitive)."));
                continue;
            }

            var joined = parameter.IsArray && !parameter.Explode;
            if ((!parameter.IsArray || joined) && group.Count() > 1)
            {
                violations.Add(new Violation(subject, joined ? $"is given {group.Count()} times, but its items are sent in one value ({parameter.Style}, explode: false)." : $"is given {group.Count()} times, but it is not a list."));
            }

            foreach (var value in group.SelectMany(pair => joined ? pair.Value.Split(Separator(parameter.Style)) : [pair.Value]))
            {
                if (ParameterValues.Check(parameter, value) is { } problem)
                {
                    violations.Add(new Violation(subject, problem));
                }
            }
        }

        foreach (var missing in declared.Values.Where(p => p.Required && !pairs.Any(pair => pair.Key == p.Name)))
        {
            violations.Add(new Violation($"query '{missing.Name}'", "is required by the spec but missing."));
        }
    }

    private static char Separator(string style) => style switch
    {
        "spaceDelimited" => ' ',
        "pipeDelimited" => '|',
        _ => ',',
    };
}

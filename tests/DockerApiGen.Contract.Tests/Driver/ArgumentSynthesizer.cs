using System.Reflection;
using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Contract.Tests.Validation;

namespace DockerApiGen.Contract.Tests.Driver;

/// <summary>
/// The arguments of one generated method: required parameters positionally, an options object with every
/// property set, the cancellation token last. Strings that travel in the path or query are awkward (a slash,
/// a space, <c>?</c>, <c>#</c>, <c>&amp;</c>, <c>=</c>, <c>+</c>, <c>%</c> and a non-ASCII letter), so that
/// any encoding mistake changes what the server sees; strings the spec constrains (enums, JSON) are valid
/// samples instead.
/// </summary>
/// <param name="operation">The spec operation the method calls.</param>
public sealed class ArgumentSynthesizer(SpecOperation operation)
{
    /// <summary>The awkward string.</summary>
    public const string Awkward = "a/b c?#ü&x=1+2%";

    /// <summary>The awkward string for a header, which carries ASCII only (HTTP sends header values as bytes, not UTF-8 text).</summary>
    public const string AwkwardHeader = "a/b c?#&x=1+2%";

    private readonly List<KeyValuePair<string, string>> _expectedQuery = [];

    /// <summary>The query values the server must see decoded exactly as given (name, value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExpectedQuery => _expectedQuery;

    /// <summary>The arguments of a method.</summary>
    /// <param name="method">The generated method.</param>
    /// <param name="requiredOnly">Whether optional parameters (the options object, an optional body) keep their defaults.</param>
    /// <param name="cancellationToken">The token passed last.</param>
    public object?[] For(MethodInfo method, bool requiredOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        return [.. method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? cancellationToken
            : requiredOnly && p.HasDefaultValue ? p.DefaultValue
            : Value(p.Name!, p.ParameterType))];
    }

    private object? Value(string clrName, Type type)
    {
        if (type == typeof(string))
        {
            return Text(WireNames.Find(operation, clrName));
        }

        if (type.Name.EndsWith("Options", StringComparison.Ordinal) && SampleValues.IsGenerated(type))
        {
            var options = Activator.CreateInstance(type)!;
            SampleValues.Fill(options, property => property.PropertyType == typeof(string) ? Text(WireNames.Find(operation, property.Name)) : null);
            return options;
        }

        return SampleValues.For(type);
    }

    private string Text(SpecParameter? parameter)
    {
        if (parameter?.ValueSchema["enum"] is { } values && values.AsArray().Count > 0)
        {
            return values[0]!.ToString();
        }

        if (parameter is { IsJsonEncoded: true, In: ParameterLocation.Query })
        {
            return JsonEncodedShapes.Sample(parameter.Name);
        }

        if (parameter is { In: ParameterLocation.Query })
        {
            _expectedQuery.Add(new(parameter.Name, Awkward));
        }

        return parameter is { In: ParameterLocation.Header } ? AwkwardHeader : Awkward;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DockerApiGen.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DockerApiGen.Generator.Loading;

/// <summary>
/// Reads YAML with YamlDotNet into a mutable JSON tree (which patches edit and NSwag then reads),
/// recording for every node the line it came from. Plain scalars are typed as the YAML core schema says
/// (null, booleans, integers, floats); quoted and block scalars stay strings.
/// </summary>
public static partial class YamlToJson
{
    /// <summary>Parses YAML text.</summary>
    /// <param name="text">The YAML text (already repaired, if it needed to be).</param>
    /// <param name="file">The file name, for the source map and errors.</param>
    /// <exception cref="GenerationException">The YAML is malformed, has duplicate keys, or uses aliases.</exception>
    public static (JsonObject Document, SourceMap Map) Parse(string text, string file)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        const string hint = "Fix the YAML at that line; if it is an upstream spec, add a repair or report it upstream.";
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException ex)
        {
            throw new GenerationException(new SpecProblem(file, (int)ex.Start.Line, (int)ex.Start.Column, null, $"The YAML is malformed: {Innermost(ex).Message}", hint));
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet fails this way on some malformed input; the scanner still knows where it stopped.
            throw new GenerationException(new SpecProblem(file, (int)scanner.CurrentPosition.Line, (int)scanner.CurrentPosition.Column, null, $"The YAML is malformed: {ex.Message}", hint));
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new GenerationException(new SpecProblem(file, 1, 1, null, "A spec must be a single YAML document whose root is a mapping."));
        }

        var map = new SourceMap(file);
        var document = (JsonObject)Convert(root, string.Empty, map)!;
        return (document, map);
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    private static JsonNode? Convert(YamlNode node, string pointer, SourceMap map)
    {
        map.Add(pointer, new SourcePosition((int)node.Start.Line, (int)node.Start.Column));
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = keyNode is YamlScalarNode scalarKey ? scalarKey.Value ?? string.Empty : throw Unsupported(keyNode, map, pointer, "a mapping key that is not a scalar");
                    if (obj.ContainsKey(key))
                    {
                        throw new GenerationException(new SpecProblem(map.File, (int)keyNode.Start.Line, (int)keyNode.Start.Column, pointer, $"Duplicate key '{key}'."));
                    }

                    var childPointer = pointer + "/" + SourceMap.Escape(key);
                    obj[key] = Convert(valueNode, childPointer, map);
                    map.Add(childPointer, new SourcePosition((int)keyNode.Start.Line, (int)keyNode.Start.Column)); // Point at the key: that is the line to fix.
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(Convert(sequence.Children[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), map));
                }

                return array;
            case YamlScalarNode scalar:
                return ConvertScalar(scalar);
            default:
                throw Unsupported(node, map, pointer, "an alias or another node kind");
        }
    }

    private static GenerationException Unsupported(YamlNode node, SourceMap map, string pointer, string what)
        => new(new SpecProblem(map.File, (int)node.Start.Line, (int)node.Start.Column, pointer, $"The spec uses {what}, which the generator does not support."));

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (IntegerPattern().IsMatch(value))
        {
            return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                ? JsonValue.Create(integer)
                : JsonValue.Create(decimal.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (FloatPattern().IsMatch(value))
        {
            return JsonValue.Create(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return JsonValue.Create(value);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}

using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Semantics;

/// <summary>How a method builds its request's address.</summary>
/// <param name="Segments">The path template, split into literal text and parameters.</param>
/// <param name="Location">The C# name of the parameter that holds the whole URL instead (declared <c>location</c>), if any.</param>
public sealed record PathPlan(IReadOnlyList<PathSegment> Segments, string? Location)
{
    /// <summary>The C# name of the path parameter the location stands for, if any.</summary>
    public string? LocationOf { get; init; }
}

/// <summary>
/// Decides how an operation's path parameters are written: escaped whole (the default), escaped segment by segment
/// with the slashes kept (declared <c>segments</c>: a repository name such as <c>team/app</c>), or replaced with a URL
/// an earlier answer gave (declared <c>location</c>: an upload session's <c>Location</c>, whose query the server
/// owns).
/// </summary>
/// <param name="config">The operations declarations.</param>
/// <param name="report">Where problems go.</param>
public sealed class PathPlanner(OperationsConfig config, Action<OperationModel, string> report)
{
    /// <summary>The format the runtime's path handler takes for a parameter declared <c>segments</c>.</summary>
    public const string SegmentsFormat = "segments";

    /// <summary>The C# name of a parameter declared <c>location</c>, whatever the path parameter it stands for is called.</summary>
    public const string LocationParameterName = "location";

    /// <summary>Plans the address of an operation; null (and a reported problem) when a declaration does not fit it.</summary>
    /// <param name="operation">The operation.</param>
    public PathPlan? Plan(OperationModel operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var formats = new Dictionary<string, string>(StringComparer.Ordinal);
        string? location = null;
        var ok = true;
        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Path))
        {
            var declared = config.ParameterOf(operation.OperationId, parameter.WireName);
            switch (declared?.Encoding)
            {
                case null or ParameterEncoding.Plain:
                    break;
                case ParameterEncoding.Segments when parameter.Type is PrimitiveRef { Kind: PrimitiveKind.String }:
                    formats[parameter.Name] = SegmentsFormat;
                    break;
                case ParameterEncoding.Location when location is null && operation.Parameters.Any(p => p != parameter && p.Name == LocationParameterName):
                    report(operation, $"'{operation.OperationId}' already has a parameter named '{LocationParameterName}', the name a `location` parameter takes ({config.File}, line {declared.Line}).");
                    ok = false;
                    break;
                case ParameterEncoding.Location when location is null:
                    location = parameter.Name;
                    break;
                case ParameterEncoding.Location:
                    report(operation, $"'{operation.OperationId}' has two path parameters declared `location` in {config.File} (line {declared.Line}); one URL is the whole address.");
                    ok = false;
                    break;
                default:
                    report(operation, $"Path parameter '{parameter.WireName}' of '{operation.OperationId}' is declared `{declared.Encoding}` in {config.File} (line {declared.Line}); a path parameter takes `segments` (a string) or `location`.");
                    ok = false;
                    break;
            }
        }

        return ok ? new PathPlan(Segments(operation, formats), location is null ? null : LocationParameterName) { LocationOf = location } : null;
    }

    /// <summary>The documentation of a location parameter: what it is, then what the spec says of the path parameter it stands for.</summary>
    /// <param name="parameter">The path parameter.</param>
    /// <param name="specDoc">The spec's documentation of it.</param>
    public static string LocationDoc(ParameterModel parameter, string specDoc)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return $"The URL the latest answer's `Location` gave (absolute, or relative to the server), used as given, query included; it stands for the path up to `{{{parameter.WireName}}}`.\n\n{specDoc}";
    }

    /// <summary>Splits a path template into literal text and parameters (by their C# names).</summary>
    private static List<PathSegment> Segments(OperationModel operation, Dictionary<string, string> formats)
    {
        var names = operation.Parameters.Where(p => p.Location == ParameterLocation.Path).ToDictionary(p => p.WireName, p => p.Name, StringComparer.Ordinal);
        var segments = new List<PathSegment>();
        var path = operation.Path;
        var start = 0;
        while (start < path.Length)
        {
            var open = path.IndexOf('{', start);
            var close = open < 0 ? -1 : path.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                segments.Add(new PathSegment(path[start..], false));
                break;
            }

            if (open > start)
            {
                segments.Add(new PathSegment(path[start..open], false));
            }

            var wire = path[(open + 1)..close];
            segments.Add(names.TryGetValue(wire, out var name)
                ? new PathSegment(name, true) { Format = formats.GetValueOrDefault(name) }
                : new PathSegment(path[open..(close + 1)], false));
            start = close + 1;
        }

        return segments;
    }
}

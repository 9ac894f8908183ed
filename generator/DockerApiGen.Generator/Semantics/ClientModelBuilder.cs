using DockerApiGen.Generator.Availability;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Naming;
using DockerApiGen.Generator.Parsing;

namespace DockerApiGen.Generator.Semantics;

/// <summary>
/// Builds the <see cref="ClientModel"/> of one version from its spec model and the operations file: the
/// C# shape of every model type, a sub-client per area, a method per operation (name, positional
/// parameters, options type, how every value travels, what the answer is), and the JSON context. Anything
/// the declarations do not cover (a new tag, an answer the spec types as a bare string, a parameter that
/// cannot be encoded, two methods with one name) is an error naming what to declare and where. With a version's
/// availability, each operation, option, model property and request value carries when it appeared, and the JSON
/// bodies carry their versioned shapes.
/// </summary>
public sealed class ClientModelBuilder
{
    private readonly ApiModel _model;
    private readonly OperationsConfig _config;
    private readonly PackageNames _names;
    private readonly TypeMapper _types;
    private readonly JsonContextPlanner _json;
    private readonly ParameterBinder _binder;
    private readonly AnswerPlanner _answers;
    private readonly PathPlanner _paths;
    private readonly VersionAvailability _availability;
    private readonly BodyShapePlanner _shapes;
    private readonly List<SpecProblem> _problems = [];

    private ClientModelBuilder(ApiModel model, OperationsConfig config, PackageNames names, VersionAvailability availability)
    {
        _availability = availability;
        _shapes = new BodyShapePlanner(model, availability);
        _model = model;
        _config = config;
        _names = names;
        _types = new TypeMapper(model, names.ModelsNamespace);
        _json = new JsonContextPlanner(model, _types);
        _binder = new ParameterBinder(_types, _json, config, Report);
        _answers = new AnswerPlanner(_types, _json, config, Report, names.Server);
        _paths = new PathPlanner(config, Report);
    }

    /// <summary>Builds the client model of a version.</summary>
    /// <param name="model">The version's spec model.</param>
    /// <param name="config">The operations declarations; null for a family that generates models only (no clients).</param>
    /// <param name="names">The package's names.</param>
    /// <param name="jsonContextName">The JSON context's class name.</param>
    /// <param name="availability">What to mark (from the availability history); null marks nothing.</param>
    /// <exception cref="GenerationException">An operation needs a declaration it does not have, or names clash.</exception>
    public static ClientModel Build(ApiModel model, OperationsConfig? config, PackageNames names, string jsonContextName, VersionAvailability? availability = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(names);
        JsonContextPlanner.RequireCaseDistinctProperties(model);
        var builder = new ClientModelBuilder(model, config ?? OperationsConfig.Empty, names, availability ?? VersionAvailability.Unmarked(model.Version));
        return config is null ? builder.BuildModelsOnly(jsonContextName) : builder.Build(jsonContextName);
    }

    /// <summary>The class that holds the body shapes.</summary>
    public const string BodyShapesClassName = "JsonBodyShapes";

    private ClientModel BuildModelsOnly(string jsonContextName)
        => new(_names, ModelDeclarations(), [], _json.Build(jsonContextName), _shapes.Build(BodyShapesClassName)) { OldestVersion = _availability.Earliest };

    private ClientModel Build(string jsonContextName)
    {
        var declarations = ModelDeclarations();
        var areas = new List<ClientArea>();
        var generated = _model.Operations.Where(o => !_config.HandWritten.ContainsKey(o.OperationId));
        foreach (var group in generated.GroupBy(AreaKey, StringComparer.Ordinal))
        {
            if (AreaOf(group.Key) is not { } area)
            {
                Report(group.First(), $"Tag '{group.Key}' has no area: add it under `areas` in {_config.File} (property and noun).");
                continue;
            }

            var methods = group.Select(o => Method(o, area)).OfType<ClientMethod>().OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
            foreach (var duplicate in methods.GroupBy(m => m.Name).Where(g => g.Count() > 1))
            {
                Report(duplicate.First().Operation, $"Operations {string.Join(" and ", duplicate.Select(m => m.Operation.OperationId))} would both be {area.Property}.{duplicate.Key}: give one a name under `methodNames` in {_config.File}.");
            }

            var className = area.Property + "Client";
            CheckFreeName(className, group.First());
            areas.Add(new ClientArea(area.Tag, area.Property, className, methods));
        }

        if (_model.Operations.Count > 0)
        {
            CheckFreeName(_names.ClientClassName, _model.Operations[0]);
            CheckFreeName(jsonContextName, _model.Operations[0]);
            CheckFreeName(BodyShapesClassName, _model.Operations[0]);
        }

        if (_problems.Count > 0)
        {
            throw new GenerationException(_problems);
        }

        return new ClientModel(_names, declarations, areas.OrderBy(a => a.Property, StringComparer.Ordinal).ToList(), _json.Build(jsonContextName), _shapes.Build(BodyShapesClassName))
        {
            OldestVersion = _availability.Earliest,
        };
    }

    private List<ModelDeclaration> ModelDeclarations()
    {
        var nullability = new NullabilityPolicy(_model, _types);
        var declarations = new List<ModelDeclaration>();
        foreach (var type in _model.Types)
        {
            switch (type)
            {
                case ObjectType obj:
                    var properties = obj.Properties.Select(p =>
                    {
                        var mapped = _types.Map(p.Type);
                        var nullable = nullability.IsNullable(obj, p);
                        return new PropertyDeclaration(
                            p.Name,
                            p.WireName,
                            nullable ? mapped.Name.AsNullable() : mapped.Name,
                            mapped.Converter,
                            nullable ? Initializer.None : mapped.Initializer,
                            DocOr(p.Description, $"The `{p.WireName}` field."),
                            _availability.Property(obj.Name, p.WireName));
                    }).ToList();
                    declarations.Add(new ClassDeclaration(obj.Name, DocOr(obj.Description, $"The {obj.Name} object of the {_names.ApiTitle}."), properties, ModelBuilder.ExtensionDataMemberName));
                    break;
                case EnumType enumeration:
                    declarations.Add(new EnumDeclaration(enumeration.Name, DocOr(enumeration.Description, $"The {enumeration.Name} values of the {_names.ApiTitle}."), enumeration.Kind, enumeration.Members));
                    break;
            }
        }

        return declarations;
    }

    /// <summary>What groups operations into areas: the (declared) tag, or the area of the operation's path name.</summary>
    private string AreaKey(OperationModel operation)
        => _config.ClientNames == ClientNames.Paths ? operation.PathName.Area : _config.TagOf(operation.OperationId, operation.Tag);

    /// <summary>The area of a group: declared for a tag, or named after the path name's area (whose operations then keep their path names).</summary>
    private AreaConfig? AreaOf(string key)
        => _config.ClientNames == ClientNames.Paths ? new AreaConfig(key, key, string.Empty) : _config.Areas.GetValueOrDefault(key);

    private ClientMethod? Method(OperationModel operation, AreaConfig area)
    {
        var baseName = _config.MethodNames.TryGetValue(operation.OperationId, out var declared) ? declared
            : _config.ClientNames == ClientNames.Paths ? operation.PathName.Name
            : StripNoun(operation.OperationId, area.Noun);
        if (baseName.Length == 0 || !Identifiers.IsValidIdentifier(baseName))
        {
            Report(operation, $"'{operation.OperationId}' without '{area.Noun}' leaves no method name: add one under `methodNames` in {_config.File}.");
            return null;
        }

        var operationAvailability = _availability.Operation(operation);

        // Positional order: path parameters, then required query and header parameters, then the body
        // (whatever order the spec lists them in), so calls read like the URL.
        var pathParameters = new List<MethodParameter>();
        var required = new List<MethodParameter>();
        var bodies = new List<MethodParameter>();
        var values = new List<RequestValue>();
        RequestValue? body = null;
        RequestValue? contentType = null;
        RequestValue? contentLength = null;
        var options = new List<OptionProperty>();
        var ok = true;
        var path = _paths.Plan(operation);
        if (path is null)
        {
            return null;
        }

        foreach (var parameter in operation.Parameters)
        {
            switch (parameter.Location)
            {
                case ParameterLocation.Path when path.Location is null:
                    // Escaped when the path is built (an empty value is refused there), so no separate check.
                    pathParameters.Add(new MethodParameter(parameter.Name, _types.NameOf(parameter.Type), false, false, ParameterDoc(parameter)));
                    break;
                case ParameterLocation.Path when path.LocationOf == parameter.Name:
                    pathParameters.Add(new MethodParameter(path.Location!, KnownTypes.Uri, false, true, PathPlanner.LocationDoc(parameter, ParameterDoc(parameter))));
                    break;
                case ParameterLocation.Path:
                    // Part of the template the location stands for: the URL already holds it.
                    break;
                case ParameterLocation.Query or ParameterLocation.Header:
                {
                    var binding = _binder.Bind(operation, parameter);
                    if (binding is null)
                    {
                        ok = false;
                        break;
                    }

                    string source;
                    bool fromOptions;
                    var availability = _availability.Parameter(operation, parameter);
                    if (parameter.IsRequired)
                    {
                        source = Identifiers.ToCamelCase(WireNameForCSharp(parameter));
                        fromOptions = false;
                        required.Add(new MethodParameter(source, binding.Type, false, !binding.Type.IsValueType, ParameterDoc(parameter)));
                    }
                    else
                    {
                        source = _config.OptionNames.GetValueOrDefault(operation.OperationId)?.GetValueOrDefault(parameter.WireName) ?? Identifiers.ToPascalCase(WireNameForCSharp(parameter));
                        fromOptions = true;
                        if (options.Any(o => o.Name == source))
                        {
                            Report(operation, $"Two parameters of '{operation.OperationId}' would both be option '{source}'.");
                        }

                        options.Add(new OptionProperty(source, binding.Type.AsNullable(), ParameterDoc(parameter), binding.IsSecret, availability));
                    }

                    var value = new RequestValue(binding.Target, parameter.WireName, source, fromOptions, binding.Encoding, binding.Json, binding.EnumKind)
                    {
                        Since = NewerThan(availability.Since, operationAvailability.Since),
                        AlwaysSet = !fromOptions && binding.Type.IsValueType,
                    };
                    if (binding.Target == RequestTarget.ContentType)
                    {
                        contentType = value;
                    }
                    else if (binding.Target == RequestTarget.ContentLength)
                    {
                        contentLength = value;
                    }
                    else
                    {
                        values.Add(value);
                    }

                    break;
                }

                case ParameterLocation.Body:
                {
                    var binding = _binder.BindBody(operation, parameter);
                    if (binding is null)
                    {
                        ok = false;
                        break;
                    }

                    bodies.Add(parameter.IsRequired
                        ? new MethodParameter(parameter.Name, binding.Type, false, !binding.Type.IsValueType, ParameterDoc(parameter))
                        : new MethodParameter(parameter.Name, binding.Type.AsNullable(), true, false, ParameterDoc(parameter)));
                    body = new RequestValue(RequestTarget.Body, parameter.WireName, parameter.Name, false, binding.Encoding, binding.Json, null, binding.ContentType)
                    {
                        Since = NewerThan(_availability.Parameter(operation, parameter).Since, operationAvailability.Since),
                        Shape = binding.Encoding == WireEncoding.Json ? _shapes.For(parameter.Type) : null,
                    };
                    break;
                }

                default:
                    Report(operation, $"Parameter '{parameter.WireName}' of '{operation.OperationId}' is a {parameter.Location} parameter, which the client cannot send yet.");
                    ok = false;
                    break;
            }
        }

        // The body before its Content-Type and Content-Length, which are set on it.
        if (body is not null)
        {
            values.Add(body);
        }

        if (contentType is not null)
        {
            values.Add(contentType);
        }

        if (contentLength is not null)
        {
            values.Add(contentLength);
        }

        var answer = _answers.Plan(operation);
        if (answer is null || !ok)
        {
            return null;
        }

        OptionsClass? optionsClass = null;
        if (options.Count > 0)
        {
            // Named by the path name where methods are (AuditLogs_ListAuditLogs would give AuditLogs_ListAuditLogsOptions).
            var optionsName = (_config.ClientNames == ClientNames.Paths ? operation.PathName.OperationId : operation.OperationId) + "Options";
            CheckFreeName(optionsName, operation);
            optionsClass = new OptionsClass(optionsName, operation, options);
        }

        IEnumerable<MethodParameter> parameters = [.. pathParameters, .. required, .. bodies.Where(b => !b.IsOptional), .. bodies.Where(b => b.IsOptional)];
        return new ClientMethod(baseName + "Async", operation, path.Segments, parameters.ToList(), optionsClass, values, answer, operationAvailability) { Location = path.Location };
    }

    /// <summary>A value's version when the operation's own check does not cover it already (the value is newer than the operation).</summary>
    private static Specs.ApiVersion? NewerThan(Specs.ApiVersion? value, Specs.ApiVersion? operation)
        => value is { } since && (operation is not { } operationSince || since > operationSince) ? since : null;

    /// <summary>The wire name a C# name is made from: headers lose the <c>X-</c> of custom headers (X-Registry-Auth → RegistryAuth).</summary>
    private static string WireNameForCSharp(ParameterModel parameter)
        => parameter.Location == ParameterLocation.Header && parameter.WireName.StartsWith("X-", StringComparison.OrdinalIgnoreCase)
            ? parameter.WireName[2..]
            : parameter.WireName;

    private static string ParameterDoc(ParameterModel parameter)
    {
        var text = DocOr(parameter.Description, $"The `{parameter.WireName}` {parameter.Location.ToString().ToLowerInvariant()} parameter.");
        return parameter.DefaultJson is { } defaultJson ? $"{text}\n\nDefault: `{defaultJson}`." : text;
    }

    private static string DocOr(string? description, string fallback) => string.IsNullOrWhiteSpace(description) ? fallback : description;

    private static string StripNoun(string operationId, string noun)
    {
        var index = operationId.IndexOf(noun, StringComparison.Ordinal);
        return index < 0 ? operationId : operationId.Remove(index, noun.Length);
    }

    private void CheckFreeName(string name, OperationModel operation)
    {
        if (_types.Find(name) is not null)
        {
            Report(operation, $"The generated name '{name}' is also a model type's name in this version; rename the model in the family's naming.yaml (beside {_config.File}) or the method in {_config.File}.");
        }
    }

    private void Report(OperationModel operation, string message)
        => _problems.Add(new SpecProblem(_model.SpecFile, null, null, operation.SchemaPointer, message));
}

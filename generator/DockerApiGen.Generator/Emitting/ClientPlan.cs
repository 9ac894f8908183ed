using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Semantics;

namespace DockerApiGen.Generator.Emitting;

/// <summary>Everything the client emitters write for one version, decided by <see cref="ClientPlanner"/>.</summary>
/// <param name="Areas">One sub-client per spec tag, ordered by property name.</param>
/// <param name="JsonTypes">C# types (beyond the models) the JSON context must know: bodies, results, JSON query values.</param>
public sealed record ClientPlan(IReadOnlyList<AreaPlan> Areas, IReadOnlyCollection<string> JsonTypes);

/// <summary>A sub-client (<c>docker.Containers</c>).</summary>
/// <param name="Area">The declared area.</param>
/// <param name="ClassName">Its class, e.g. <c>ContainersClient</c>.</param>
/// <param name="Methods">Its methods, ordered by name.</param>
public sealed record AreaPlan(AreaConfig Area, string ClassName, IReadOnlyList<MethodPlan> Methods);

/// <summary>One generated method.</summary>
/// <param name="Operation">The operation it calls.</param>
/// <param name="Name">The method name, ending in <c>Async</c>.</param>
/// <param name="Parameters">Positional parameters, in order.</param>
/// <param name="Options">The options type for optional query and header parameters, if any.</param>
/// <param name="RequestStatements">Statements that add parameters to <c>request</c>.</param>
/// <param name="ReturnType">The C# return type.</param>
/// <param name="ReturnsDoc">What it returns, for the docs.</param>
/// <param name="CallExpression">The expression the method returns (a call on <c>Connection</c>).</param>
/// <param name="IsStreaming">No request time limit.</param>
/// <param name="Kind">The declared answer kind.</param>
public sealed record MethodPlan(
    OperationModel Operation,
    string Name,
    IReadOnlyList<PositionalParameter> Parameters,
    OptionsPlan? Options,
    IReadOnlyList<string> RequestStatements,
    string ReturnType,
    string ReturnsDoc,
    string CallExpression,
    bool IsStreaming,
    ResponseKind Kind);

/// <summary>A positional parameter.</summary>
/// <param name="Name">The C# name.</param>
/// <param name="Type">The C# type (with <c>?</c> when optional).</param>
/// <param name="IsOptional">Defaults to null.</param>
/// <param name="Doc">Its documentation.</param>
/// <param name="Guard">A statement that checks it, or null.</param>
public sealed record PositionalParameter(string Name, string Type, bool IsOptional, string Doc, string? Guard);

/// <summary>An options type: the optional query and header parameters of one operation.</summary>
/// <param name="Name">The class name, <c>{OperationId}Options</c>.</param>
/// <param name="Operation">The operation.</param>
/// <param name="Properties">Its properties, in spec order.</param>
public sealed record OptionsPlan(string Name, OperationModel Operation, IReadOnlyList<OptionProperty> Properties);

/// <summary>A property of an options type.</summary>
/// <param name="Name">The C# name.</param>
/// <param name="Type">The C# type (nullable).</param>
/// <param name="Doc">Its documentation.</param>
/// <param name="IsSecret">Carries credentials (left out of <c>ToString</c>).</param>
public sealed record OptionProperty(string Name, string Type, string Doc, bool IsSecret);

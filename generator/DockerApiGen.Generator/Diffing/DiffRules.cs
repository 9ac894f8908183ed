namespace DockerApiGen.Generator.Diffing;

/// <summary>One rule of the spec diff: its stable id, its level, and what it means, for the docs table.</summary>
/// <param name="Id">The stable rule id.</param>
/// <param name="Level">The level it assigns.</param>
/// <param name="Direction">The direction it applies to.</param>
/// <param name="Description">What the rule detects and why it has that level.</param>
public sealed record DiffRule(string Id, ChangeLevel Level, ChangeDirection Direction, string Description);

/// <summary>
/// Every rule of the spec-level diff. Breaking is judged from a client's side: what the client sends must
/// still be accepted, and what it receives must still fit the types it was compiled against.
/// </summary>
public static class DiffRules
{
    /// <summary>An operation appeared.</summary>
    public static readonly DiffRule OperationAdded = new("operation-added", ChangeLevel.NonBreaking, ChangeDirection.None, "A new operation: nothing existing changes.");

    /// <summary>An operation disappeared.</summary>
    public static readonly DiffRule OperationRemoved = new("operation-removed", ChangeLevel.Breaking, ChangeDirection.None, "The operation is gone: calls to it fail.");

    /// <summary>An operation's method or path changed.</summary>
    public static readonly DiffRule OperationMoved = new("operation-moved", ChangeLevel.Breaking, ChangeDirection.None, "Same operation id, other method or path: old requests miss it.");

    /// <summary>An operation became deprecated.</summary>
    public static readonly DiffRule OperationDeprecated = new("operation-deprecated", ChangeLevel.NonBreaking, ChangeDirection.None, "Still works; plan to move off it.");

    /// <summary>A required parameter appeared.</summary>
    public static readonly DiffRule ParameterAddedRequired = new("parameter-added-required", ChangeLevel.Breaking, ChangeDirection.Request, "Old requests lack a parameter the server now requires.");

    /// <summary>An optional parameter appeared.</summary>
    public static readonly DiffRule ParameterAddedOptional = new("parameter-added-optional", ChangeLevel.NonBreaking, ChangeDirection.Request, "A new option; old requests are unaffected.");

    /// <summary>A parameter disappeared.</summary>
    public static readonly DiffRule ParameterRemoved = new("parameter-removed", ChangeLevel.Breaking, ChangeDirection.Request, "Clients that set it lose its effect (or are rejected).");

    /// <summary>A parameter disappeared while one of the same place and type appeared.</summary>
    public static readonly DiffRule ParameterRenamed = new("parameter-renamed", ChangeLevel.Breaking, ChangeDirection.Request, "One parameter gone and one of the same location and type added: most likely a rename; requests using the old name lose it.");

    /// <summary>A parameter became required.</summary>
    public static readonly DiffRule ParameterBecameRequired = new("parameter-became-required", ChangeLevel.Breaking, ChangeDirection.Request, "Old requests may omit it.");

    /// <summary>A parameter became optional.</summary>
    public static readonly DiffRule ParameterBecameOptional = new("parameter-became-optional", ChangeLevel.NonBreaking, ChangeDirection.Request, "Relaxes a constraint.");

    /// <summary>A parameter's type or format changed.</summary>
    public static readonly DiffRule ParameterTypeChanged = new("parameter-type-changed", ChangeLevel.Breaking, ChangeDirection.Request, "Old values may no longer be accepted.");

    /// <summary>A parameter became deprecated.</summary>
    public static readonly DiffRule ParameterDeprecated = new("parameter-deprecated", ChangeLevel.NonBreaking, ChangeDirection.Request, "Still accepted; plan to stop sending it.");

    /// <summary>Only a format changed, and the generated type did not.</summary>
    public static readonly DiffRule FormatChanged = new("format-changed", ChangeLevel.NonBreaking, ChangeDirection.Both, "Only the spec's format changed (string → string(ip-address)); the generated C# type, and the kind of value, are the same.");

    /// <summary>A parameter's default changed.</summary>
    public static readonly DiffRule ParameterDefaultChanged = new("parameter-default-changed", ChangeLevel.PossiblyBreaking, ChangeDirection.Request, "Requests that omit it now behave differently.");

    /// <summary>A value was added to a request enum.</summary>
    public static readonly DiffRule RequestEnumValueAdded = new("request-enum-value-added", ChangeLevel.NonBreaking, ChangeDirection.Request, "A new accepted value.");

    /// <summary>A value was removed from a request enum.</summary>
    public static readonly DiffRule RequestEnumValueRemoved = new("request-enum-value-removed", ChangeLevel.Breaking, ChangeDirection.Request, "Requests using it may be rejected.");

    /// <summary>A value was added to a response enum.</summary>
    public static readonly DiffRule ResponseEnumValueAdded = new("response-enum-value-added", ChangeLevel.PossiblyBreaking, ChangeDirection.Response, "Clients switching over the known values meet a new one (our enums are open, so nothing throws).");

    /// <summary>A value was removed from a response enum.</summary>
    public static readonly DiffRule ResponseEnumValueRemoved = new("response-enum-value-removed", ChangeLevel.NonBreaking, ChangeDirection.Response, "The client just no longer sees it.");

    /// <summary>A response status code appeared.</summary>
    public static readonly DiffRule ResponseAdded = new("response-added", ChangeLevel.PossiblyBreaking, ChangeDirection.Response, "A new outcome the client may not handle.");

    /// <summary>A response status code disappeared.</summary>
    public static readonly DiffRule ResponseRemoved = new("response-removed", ChangeLevel.NonBreaking, ChangeDirection.Response, "An outcome the client no longer sees.");

    /// <summary>A body's type changed.</summary>
    public static readonly DiffRule BodyTypeChanged = new("body-type-changed", ChangeLevel.Breaking, ChangeDirection.Both, "A request or response body has another shape.");

    /// <summary>A content type changed.</summary>
    public static readonly DiffRule ContentTypeChanged = new("content-type-changed", ChangeLevel.PossiblyBreaking, ChangeDirection.Both, "Consumes or produces lists other media types (e.g. a new streaming format).");

    /// <summary>A schema appeared.</summary>
    public static readonly DiffRule SchemaAdded = new("schema-added", ChangeLevel.NonBreaking, ChangeDirection.None, "A new type.");

    /// <summary>A schema reappeared under another name.</summary>
    public static readonly DiffRule SchemaRenamed = new("schema-renamed", ChangeLevel.Breaking, ChangeDirection.None, "A schema is gone and another of the same shape (or in the same places) is new: one rename, its other changes listed with it. Nothing changes on the wire; C# code naming the old type no longer compiles. Non-breaking when the generated name stays (specs/naming.yaml).");

    /// <summary>A schema disappeared.</summary>
    public static readonly DiffRule SchemaRemoved = new("schema-removed", ChangeLevel.Breaking, ChangeDirection.None, "Code naming the type no longer compiles against the new package.");

    /// <summary>A response property appeared.</summary>
    public static readonly DiffRule PropertyAdded = new("property-added", ChangeLevel.NonBreaking, ChangeDirection.Both, "A new optional field.");

    /// <summary>A required request property appeared.</summary>
    public static readonly DiffRule PropertyAddedRequired = new("property-added-required", ChangeLevel.Breaking, ChangeDirection.Request, "Old request bodies lack a field the server now requires.");

    /// <summary>A property disappeared from a schema the client receives.</summary>
    public static readonly DiffRule PropertyRemovedFromResponse = new("property-removed-response", ChangeLevel.Breaking, ChangeDirection.Response, "Clients reading it get nothing.");

    /// <summary>A property disappeared from a schema the client only sends.</summary>
    public static readonly DiffRule PropertyRemovedFromRequest = new("property-removed-request", ChangeLevel.PossiblyBreaking, ChangeDirection.Request, "The server ignores it now.");

    /// <summary>A property's wire name changed only in letter case.</summary>
    public static readonly DiffRule PropertyNameCaseChanged = new("property-name-case-changed", ChangeLevel.NonBreaking, ChangeDirection.Both, "The wire name changed only in letter case (MediaType → mediaType): the daemon and the generated clients match JSON names ignoring case. Breaking only when the C# name changes with it (URLs → Urls).");

    /// <summary>A property's type or format changed.</summary>
    public static readonly DiffRule PropertyTypeChanged = new("property-type-changed", ChangeLevel.Breaking, ChangeDirection.Both, "The field has another type (or a format that changes the C# type).");

    /// <summary>A property became required.</summary>
    public static readonly DiffRule PropertyBecameRequired = new("property-became-required", ChangeLevel.PossiblyBreaking, ChangeDirection.Both, "Breaks requests that omit it; tightens responses.");

    /// <summary>A property became optional.</summary>
    public static readonly DiffRule PropertyBecameOptional = new("property-became-optional", ChangeLevel.PossiblyBreaking, ChangeDirection.Both, "Responses may now omit it.");

    /// <summary>A property's nullability changed.</summary>
    public static readonly DiffRule PropertyNullabilityChanged = new("property-nullability-changed", ChangeLevel.PossiblyBreaking, ChangeDirection.Both, "x-nullable changed: null may now arrive, or no longer be accepted.");

    /// <summary>A property's read-only flag changed.</summary>
    public static readonly DiffRule PropertyReadOnlyChanged = new("property-readonly-changed", ChangeLevel.PossiblyBreaking, ChangeDirection.Both, "The field is now (or no longer) set by the server only.");

    /// <summary>A property became deprecated.</summary>
    public static readonly DiffRule PropertyDeprecated = new("property-deprecated", ChangeLevel.NonBreaking, ChangeDirection.Both, "Still there; plan to move off it.");

    /// <summary>A public C# type appeared in the generated package.</summary>
    public static readonly DiffRule CSharpTypeAdded = new("csharp-type-added", ChangeLevel.NonBreaking, ChangeDirection.None, "C# surface: a new public type.");

    /// <summary>A public C# type disappeared.</summary>
    public static readonly DiffRule CSharpTypeRemoved = new("csharp-type-removed", ChangeLevel.Breaking, ChangeDirection.None, "C# surface: code naming the type no longer compiles.");

    /// <summary>A public C# type reappeared under another name with the same members.</summary>
    public static readonly DiffRule CSharpTypeRenamed = new("csharp-type-renamed", ChangeLevel.Breaking, ChangeDirection.None, "C# surface: same members, new name (e.g. a new title upstream); code naming the old one no longer compiles.");

    /// <summary>A public C# type changed kind or bases.</summary>
    public static readonly DiffRule CSharpTypeChanged = new("csharp-type-changed", ChangeLevel.Breaking, ChangeDirection.None, "C# surface: class/struct kind, modifiers or base types changed.");

    /// <summary>A public member appeared.</summary>
    public static readonly DiffRule CSharpMemberAdded = new("csharp-member-added", ChangeLevel.NonBreaking, ChangeDirection.None, "C# surface: a new property, method or value.");

    /// <summary>A public member disappeared.</summary>
    public static readonly DiffRule CSharpMemberRemoved = new("csharp-member-removed", ChangeLevel.Breaking, ChangeDirection.None, "C# surface: code using the member no longer compiles.");

    /// <summary>A public member's type, signature or wire attributes changed.</summary>
    public static readonly DiffRule CSharpMemberChanged = new("csharp-member-changed", ChangeLevel.Breaking, ChangeDirection.None, "C# surface: the member's type, modifiers or JSON name changed.");

    /// <summary>A public constant has a new value.</summary>
    public static readonly DiffRule CSharpConstantChanged = new("csharp-constant-changed", ChangeLevel.NonBreaking, ChangeDirection.None, "C# surface: a constant has a new value (DockerClient.ApiVersion with every version); code still compiles, and code compiled against the old package keeps the old value until rebuilt.");

    /// <summary>Only a member's nullability changed.</summary>
    public static readonly DiffRule CSharpMemberNullabilityChanged = new("csharp-member-nullability-changed", ChangeLevel.PossiblyBreaking, ChangeDirection.None, "C# surface: only nullability changed (new warnings, or values that may now be null).");

    /// <summary>Same method and path, another operation id (OpenAPI documents rename ids between snapshots).</summary>
    public static readonly DiffRule OperationIdChanged = new("operation-id-changed", ChangeLevel.PossiblyBreaking, ChangeDirection.None, "Same method and path, another operation id: requests are unchanged, but names generated from the id (methods, inline types) follow it.");

    /// <summary>Authentication is declared where none was.</summary>
    public static readonly DiffRule SecurityAdded = new("security-added", ChangeLevel.Breaking, ChangeDirection.Request, "The operation now declares security requirements: requests without those credentials are refused.");

    /// <summary>The security requirements are gone.</summary>
    public static readonly DiffRule SecurityRemoved = new("security-removed", ChangeLevel.NonBreaking, ChangeDirection.Request, "The operation no longer declares security requirements: credentials are no longer needed.");

    /// <summary>Other schemes or scopes are required.</summary>
    public static readonly DiffRule SecurityChanged = new("security-changed", ChangeLevel.Breaking, ChangeDirection.Request, "Other security schemes or scopes are required: credentials that worked may be refused.");

    /// <summary>Every rule, in the order of the docs table.</summary>
    public static IReadOnlyList<DiffRule> All { get; } =
    [
        OperationAdded, OperationRemoved, OperationMoved, OperationIdChanged, OperationDeprecated, SecurityAdded, SecurityRemoved, SecurityChanged,
        ParameterAddedRequired, ParameterAddedOptional, ParameterRemoved, ParameterRenamed, ParameterBecameRequired, ParameterBecameOptional,
        ParameterTypeChanged, ParameterDefaultChanged, ParameterDeprecated, FormatChanged, RequestEnumValueAdded, RequestEnumValueRemoved,
        ResponseEnumValueAdded, ResponseEnumValueRemoved, ResponseAdded, ResponseRemoved, BodyTypeChanged, ContentTypeChanged,
        SchemaAdded, SchemaRemoved, SchemaRenamed, PropertyAdded, PropertyAddedRequired, PropertyRemovedFromResponse, PropertyRemovedFromRequest,
        PropertyNameCaseChanged, PropertyTypeChanged, PropertyBecameRequired, PropertyBecameOptional, PropertyNullabilityChanged, PropertyReadOnlyChanged, PropertyDeprecated,
        CSharpTypeAdded, CSharpTypeRemoved, CSharpTypeRenamed, CSharpTypeChanged, CSharpMemberAdded, CSharpMemberRemoved, CSharpMemberChanged, CSharpConstantChanged, CSharpMemberNullabilityChanged,
    ];
}

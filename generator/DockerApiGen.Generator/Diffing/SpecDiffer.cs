using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Diffing;

/// <summary>
/// The spec-level diff: compares two versions' immutable models (operations, parameters, bodies,
/// responses, security, schemas, properties, enum values) and judges each difference with a <see cref="DiffRule"/>.
/// Operations are matched by id, then (for ids found on one side only) by method and path. Renamed schemas are paired first (<see cref="SchemaCorrespondence"/>), so a rename is one change and
/// the places that use it are unchanged; a new schema taking an old one's place (a split) is compared
/// with it property by property. Deterministic: changes are ordered by level, then operation or schema,
/// then rule.
/// </summary>
public static class SpecDiffer
{
    /// <summary>Every change from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The older (or current) version.</param>
    /// <param name="to">The newer (or target) version.</param>
    public static IReadOnlyList<ApiChange> Diff(ApiModel from, ApiModel to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var differ = new Differ(from, to);
        differ.DiffOperations();
        differ.DiffSchemas();
        differ.DiffReplacements();
        return differ.Changes
            .OrderBy(c => c.Level)
            .ThenBy(c => c.Operation ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(c => c.Schema ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(c => c.Target, StringComparer.Ordinal)
            .ThenBy(c => c.RuleId, StringComparer.Ordinal)
            .ToList();
    }

    private sealed class Differ(ApiModel from, ApiModel to)
    {
        private readonly Dictionary<string, TypeDefinition> _oldTypes = from.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        private readonly Dictionary<string, TypeDefinition> _newTypes = to.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        private readonly TypeUsage _oldUsage = new(from);
        private readonly TypeUsage _newUsage = new(to);
        private readonly TypeComparison _types = new(SchemaCorrespondence.FindRenames(from, to));

        // (old schema, new schema) where a new schema took the old one's place: compared once each, in the
        // order found (comparing one may find more, nested in it).
        private readonly List<(string Old, string New)> _replacements = [];

        public List<ApiChange> Changes { get; } = [];

        public void DiffOperations()
        {
            var oldOperations = from.Operations.ToDictionary(o => o.OperationId, StringComparer.Ordinal);
            var newOperations = to.Operations.ToDictionary(o => o.OperationId, StringComparer.Ordinal);
            var pairs = newOperations.Where(kv => oldOperations.ContainsKey(kv.Key)).Select(kv => (Older: oldOperations[kv.Key], Newer: kv.Value)).ToList();

            // An id found on one side only, at a method and path that the other side's unmatched id has: a renamed id.
            var unmatchedOld = oldOperations.Values.Where(o => !newOperations.ContainsKey(o.OperationId)).ToList();
            foreach (var added in newOperations.Values.Where(o => !oldOperations.ContainsKey(o.OperationId)).ToList())
            {
                if (unmatchedOld.SingleOrDefault(o => o.Method == added.Method && o.Path == added.Path) is { } renamed)
                {
                    unmatchedOld.Remove(renamed);
                    pairs.Add((renamed, added));
                    Add(DiffRules.OperationIdChanged, added.OperationId, null, added.OperationId, added.SchemaPointer, $"{added.Method} {added.Path}: operation id {renamed.OperationId} is now {added.OperationId}.");
                }
            }

            var paired = pairs.Select(p => p.Newer.OperationId).ToHashSet(StringComparer.Ordinal);
            foreach (var (id, added) in newOperations.Where(kv => !paired.Contains(kv.Key)))
            {
                Add(DiffRules.OperationAdded, id, null, id, added.SchemaPointer, $"Operation {id} added: {added.Method} {added.Path}.");
            }

            foreach (var removed in unmatchedOld)
            {
                Add(DiffRules.OperationRemoved, removed.OperationId, null, removed.OperationId, removed.SchemaPointer, $"Operation {removed.OperationId} removed (was {removed.Method} {removed.Path}).");
            }

            foreach (var (older, newer) in pairs)
            {
                var id = newer.OperationId;
                if (older.Method != newer.Method || older.Path != newer.Path)
                {
                    Add(DiffRules.OperationMoved, id, null, id, newer.SchemaPointer, $"{id} moved from {older.Method} {older.Path} to {newer.Method} {newer.Path}.");
                }

                if (!IsDeprecated(older) && IsDeprecated(newer))
                {
                    Add(DiffRules.OperationDeprecated, id, null, id, newer.SchemaPointer, $"{id} ({newer.Method} {newer.Path}) is deprecated.");
                }

                DiffParameters(older, newer);
                DiffResponses(older, newer);
                DiffContentTypes(older, newer);
                DiffSecurity(older, newer);
            }
        }

        public void DiffSchemas()
        {
            foreach (var (name, added) in _newTypes.Where(kv => !_oldTypes.ContainsKey(kv.Key) && !_types.Renames.Values.Contains(kv.Key)))
            {
                Add(DiffRules.SchemaAdded, null, name, name, added.SchemaPointer, $"Schema {name} added.");
            }

            foreach (var (name, removed) in _oldTypes.Where(kv => !_newTypes.ContainsKey(kv.Key) && !_types.Renames.ContainsKey(kv.Key)))
            {
                Add(DiffRules.SchemaRemoved, null, name, name, removed.SchemaPointer, $"Schema {name} removed.");
            }

            foreach (var (oldName, older) in _oldTypes)
            {
                var newName = _types.NewNameOf(oldName);
                if (!_newTypes.TryGetValue(newName, out var newer))
                {
                    continue;
                }

                if (newName != oldName)
                {
                    // The rename itself changes nothing on the wire; C# code naming the old type no longer compiles.
                    Add(DiffRules.SchemaRenamed, null, newName, oldName, newer.SchemaPointer, _types.SameShape(older, newer)
                        ? $"Schema {oldName} renamed to {newName}, same shape: nothing changes on the wire; C# code naming {oldName} must use {newName}."
                        : $"Schema {oldName} renamed to {newName}: C# code naming {oldName} must use {newName}; its changes on the wire are listed with it.");
                }
                else if (DefinitionKey(older) is { } oldKey && DefinitionKey(newer) is { } newKey && oldKey != newKey)
                {
                    // Upstream renamed the definition, and the generated name stayed (specs/naming.yaml): nothing breaks.
                    Add(DiffRules.SchemaRenamed, null, newName, oldName, newer.SchemaPointer, $"Schema {newName}: the spec renamed definition {oldKey} to {newKey}; the generated name stays {newName}.", ChangeLevel.NonBreaking);
                }

                DiffTypes(newName, older, newer, Direction(oldName, newName), note: null);
            }
        }

        public void DiffReplacements()
        {
            for (var i = 0; i < _replacements.Count; i++)
            {
                var (oldName, newName) = _replacements[i];
                DiffTypes(newName, _oldTypes[oldName], _newTypes[newName], Direction(oldName, newName), note: $" (compared with {oldName}, whose place it takes)");
            }
        }

        private void DiffTypes(string name, TypeDefinition older, TypeDefinition newer, ChangeDirection direction, string? note)
        {
            switch ((older, newer))
            {
                case (EnumType oldEnum, EnumType newEnum):
                    DiffEnum(name, oldEnum, newEnum, direction, note);
                    break;
                case (ObjectType oldObject, ObjectType newObject):
                    DiffObject(name, oldObject, newObject, direction, note);
                    break;
                case var _ when note is null:
                    Add(DiffRules.PropertyTypeChanged, null, name, name, newer.SchemaPointer, $"Schema {name} changed kind ({older.GetType().Name} → {newer.GetType().Name}).", direction: direction);
                    break;
            }
        }

        private void DiffParameters(OperationModel older, OperationModel newer)
        {
            var id = newer.OperationId;
            static string Key(ParameterModel p) => $"{p.Location.ToString().ToLowerInvariant()}/{p.WireName}";
            var oldParameters = older.Parameters.GroupBy(Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            var newParameters = newer.Parameters.GroupBy(Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            var added = newParameters.Where(kv => !oldParameters.ContainsKey(kv.Key)).Select(kv => kv.Value).ToList();
            var removed = oldParameters.Where(kv => !newParameters.ContainsKey(kv.Key)).Select(kv => kv.Value).ToList();

            // One gone and one new in the same place with the same type and requiredness: report a rename.
            foreach (var gone in removed.ToList())
            {
                var candidates = added.Where(p => p.Location == gone.Location && p.IsRequired == gone.IsRequired && _types.Compare(gone.Type, p.Type) == TypeDifference.Same).ToList();
                if (candidates.Count == 1 && removed.Count(r => r.Location == gone.Location && _types.Compare(r.Type, gone.Type) == TypeDifference.Same) == 1)
                {
                    var renamed = candidates[0];
                    Add(DiffRules.ParameterRenamed, id, null, $"{id}/{Key(gone)}", renamed.SchemaPointer, $"{id}: {gone.Location.ToString().ToLowerInvariant()} parameter '{gone.WireName}' renamed to '{renamed.WireName}'.");
                    removed.Remove(gone);
                    added.Remove(renamed);
                }
            }

            foreach (var parameter in added)
            {
                var rule = parameter.IsRequired ? DiffRules.ParameterAddedRequired : DiffRules.ParameterAddedOptional;
                Add(rule, id, null, $"{id}/{Key(parameter)}", parameter.SchemaPointer, $"{id}: {(parameter.IsRequired ? "required" : "optional")} {parameter.Location.ToString().ToLowerInvariant()} parameter '{parameter.WireName}' added ({TypeText.Of(parameter.Type)}).");
            }

            foreach (var parameter in removed)
            {
                Add(DiffRules.ParameterRemoved, id, null, $"{id}/{Key(parameter)}", parameter.SchemaPointer, $"{id}: {parameter.Location.ToString().ToLowerInvariant()} parameter '{parameter.WireName}' removed.");
            }

            foreach (var (key, newParameter) in newParameters)
            {
                if (!oldParameters.TryGetValue(key, out var oldParameter))
                {
                    continue;
                }

                var target = $"{id}/{key}";
                var pointer = newParameter.SchemaPointer;
                if (!oldParameter.IsRequired && newParameter.IsRequired)
                {
                    Add(DiffRules.ParameterBecameRequired, id, null, target, pointer, $"{id}: parameter '{key}' is now required.");
                }
                else if (oldParameter.IsRequired && !newParameter.IsRequired)
                {
                    Add(DiffRules.ParameterBecameOptional, id, null, target, pointer, $"{id}: parameter '{key}' is now optional.");
                }

                var difference = _types.Compare(oldParameter.Type, newParameter.Type);
                if (difference == TypeDifference.FormatOnly)
                {
                    Add(DiffRules.FormatChanged, id, null, target, pointer, $"{id}: parameter '{key}' changed format from {TypeText.Of(oldParameter.Type)} to {TypeText.Of(newParameter.Type)}; the generated type is the same.", direction: ChangeDirection.Request);
                }
                else if (difference == TypeDifference.Different && newParameter.Location == ParameterLocation.Body)
                {
                    Add(DiffRules.BodyTypeChanged, id, null, target, pointer, $"{id}: request body changed from {TypeText.Of(oldParameter.Type)} to {TypeText.Of(newParameter.Type)}{Replacement(oldParameter.Type, newParameter.Type)}.", direction: ChangeDirection.Request);
                }
                else if (difference == TypeDifference.Different)
                {
                    Add(DiffRules.ParameterTypeChanged, id, null, target, pointer, $"{id}: parameter '{key}' changed from {TypeText.Of(oldParameter.Type)} to {TypeText.Of(newParameter.Type)}{Replacement(oldParameter.Type, newParameter.Type)}.");
                }

                if (oldParameter.DefaultJson != newParameter.DefaultJson)
                {
                    Add(DiffRules.ParameterDefaultChanged, id, null, target, pointer, $"{id}: default of '{key}' changed from {oldParameter.DefaultJson ?? "none"} to {newParameter.DefaultJson ?? "none"}.");
                }

                if (!Deprecation.IsMarked(false, oldParameter.Description) && Deprecation.IsMarked(false, newParameter.Description))
                {
                    Add(DiffRules.ParameterDeprecated, id, null, target, pointer, $"{id}: parameter '{key}' is deprecated.");
                }
            }
        }

        private void DiffResponses(OperationModel older, OperationModel newer)
        {
            var id = newer.OperationId;
            var oldResponses = older.Responses.ToDictionary(r => r.StatusCode, StringComparer.Ordinal);
            var newResponses = newer.Responses.ToDictionary(r => r.StatusCode, StringComparer.Ordinal);
            foreach (var code in newResponses.Keys.Where(c => !oldResponses.ContainsKey(c)))
            {
                Add(DiffRules.ResponseAdded, id, null, $"{id}/responses/{code}", $"{newer.SchemaPointer}/responses/{code}", $"{id}: response {code} added.");
            }

            foreach (var code in oldResponses.Keys.Where(c => !newResponses.ContainsKey(c)))
            {
                Add(DiffRules.ResponseRemoved, id, null, $"{id}/responses/{code}", $"{older.SchemaPointer}/responses/{code}", $"{id}: response {code} removed.");
            }

            foreach (var (code, response) in newResponses)
            {
                if (!oldResponses.TryGetValue(code, out var old))
                {
                    continue;
                }

                var target = $"{id}/responses/{code}";
                var pointer = $"{newer.SchemaPointer}/responses/{code}";
                switch (_types.Compare(old.Type, response.Type))
                {
                    case TypeDifference.FormatOnly:
                        Add(DiffRules.FormatChanged, id, null, target, pointer, $"{id}: response {code} body changed format from {TypeText.Of(old.Type)} to {TypeText.Of(response.Type)}; the generated type is the same.", direction: ChangeDirection.Response);
                        break;
                    case TypeDifference.Different:
                        Add(DiffRules.BodyTypeChanged, id, null, target, pointer, $"{id}: response {code} body changed from {TypeText.Of(old.Type)} to {TypeText.Of(response.Type)}{Replacement(old.Type, response.Type)}.", direction: ChangeDirection.Response);
                        break;
                }
            }
        }

        private void DiffContentTypes(OperationModel older, OperationModel newer)
        {
            var id = newer.OperationId;
            if (!older.Consumes.Order(StringComparer.Ordinal).SequenceEqual(newer.Consumes.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                Add(DiffRules.ContentTypeChanged, id, null, $"{id}/consumes", newer.SchemaPointer, $"{id}: consumes [{string.Join(", ", older.Consumes)}] → [{string.Join(", ", newer.Consumes)}].", direction: ChangeDirection.Request);
            }

            if (!older.Produces.Order(StringComparer.Ordinal).SequenceEqual(newer.Produces.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                Add(DiffRules.ContentTypeChanged, id, null, $"{id}/produces", newer.SchemaPointer, $"{id}: produces [{string.Join(", ", older.Produces)}] → [{string.Join(", ", newer.Produces)}].", direction: ChangeDirection.Response);
            }
        }

        private void DiffEnum(string name, EnumType older, EnumType newer, ChangeDirection direction, string? note)
        {
            var oldValues = older.Members.Select(m => m.WireValue).ToHashSet(StringComparer.Ordinal);
            var newValues = newer.Members.Select(m => m.WireValue).ToHashSet(StringComparer.Ordinal);
            var sent = direction is ChangeDirection.Request or ChangeDirection.Both;
            var received = direction is ChangeDirection.Response or ChangeDirection.Both or ChangeDirection.None;
            foreach (var value in newer.Members.Select(m => m.WireValue).Where(v => !oldValues.Contains(v)))
            {
                // A value the client may receive is possibly breaking; one it only sends is not.
                var rule = received ? DiffRules.ResponseEnumValueAdded : DiffRules.RequestEnumValueAdded;
                Add(rule, null, name, $"{name}={value}", newer.SchemaPointer, $"Enum {name}{note}: value '{value}' added.", direction: direction);
            }

            foreach (var value in older.Members.Select(m => m.WireValue).Where(v => !newValues.Contains(v)))
            {
                var rule = sent ? DiffRules.RequestEnumValueRemoved : DiffRules.ResponseEnumValueRemoved;
                Add(rule, null, name, $"{name}={value}", older.SchemaPointer, $"Enum {name}{note}: value '{value}' removed.", direction: direction);
            }
        }

        private void DiffObject(string name, ObjectType older, ObjectType newer, ChangeDirection direction, string? note)
        {
            var match = PropertyMatch.Of(older, newer);
            var sentOnly = direction == ChangeDirection.Request;
            var sent = direction is ChangeDirection.Request or ChangeDirection.Both;
            foreach (var property in match.Added)
            {
                var rule = property.IsRequired && sent ? DiffRules.PropertyAddedRequired : DiffRules.PropertyAdded;
                Add(rule, null, name, $"{name}.{property.WireName}", property.SchemaPointer, $"{name}{note}: {(property.IsRequired ? "required " : string.Empty)}property '{property.WireName}' added ({TypeText.Of(property.Type)}).", direction: direction);
            }

            foreach (var property in match.Removed)
            {
                var rule = sentOnly ? DiffRules.PropertyRemovedFromRequest : DiffRules.PropertyRemovedFromResponse;
                Add(rule, null, name, $"{name}.{property.WireName}", property.SchemaPointer, $"{name}{note}: property '{property.WireName}' removed.", direction: direction);
            }

            foreach (var (oldProperty, newProperty) in match.Matched)
            {
                var wire = newProperty.WireName;
                var target = $"{name}.{wire}";
                var pointer = newProperty.SchemaPointer;
                if (oldProperty.WireName != wire && oldProperty.Name == newProperty.Name)
                {
                    Add(DiffRules.PropertyNameCaseChanged, null, name, target, pointer, $"{name}{note}: property '{oldProperty.WireName}' is now spelt '{wire}'; JSON names are matched ignoring case, and the C# name stays {newProperty.Name}.", direction: direction);
                }
                else if (oldProperty.WireName != wire)
                {
                    // Same on the wire, but the generated property is renamed: code using the old name no longer compiles.
                    Add(DiffRules.PropertyNameCaseChanged, null, name, target, pointer, $"{name}{note}: property '{oldProperty.WireName}' is now spelt '{wire}'; JSON names are matched ignoring case, but the C# property {oldProperty.Name} is now {newProperty.Name}.", ChangeLevel.Breaking, direction);
                }

                switch (_types.Compare(oldProperty.Type, newProperty.Type))
                {
                    case TypeDifference.FormatOnly:
                        Add(DiffRules.FormatChanged, null, name, target, pointer, $"{name}.{wire}{note}: format changed from {TypeText.Of(oldProperty.Type)} to {TypeText.Of(newProperty.Type)}; the generated type is the same.", direction: direction);
                        break;
                    case TypeDifference.Different:
                        Add(DiffRules.PropertyTypeChanged, null, name, target, pointer, $"{name}.{wire}{note}: type changed from {TypeText.Of(oldProperty.Type)} to {TypeText.Of(newProperty.Type)}{Replacement(oldProperty.Type, newProperty.Type)}.", direction: direction);
                        break;
                }

                if (oldProperty.IsRequired != newProperty.IsRequired)
                {
                    var rule = newProperty.IsRequired ? DiffRules.PropertyBecameRequired : DiffRules.PropertyBecameOptional;
                    var level = newProperty.IsRequired && sent ? ChangeLevel.Breaking : rule.Level;
                    Add(rule, null, name, target, pointer, $"{name}.{wire}{note} is now {(newProperty.IsRequired ? "required" : "optional")}.", level, direction);
                }

                if ((oldProperty.Nullable ?? false) != (newProperty.Nullable ?? false))
                {
                    Add(DiffRules.PropertyNullabilityChanged, null, name, target, pointer, $"{name}.{wire}{note} is now {(newProperty.Nullable == true ? "nullable" : "not nullable")}.", direction: direction);
                }

                if (oldProperty.IsReadOnly != newProperty.IsReadOnly)
                {
                    Add(DiffRules.PropertyReadOnlyChanged, null, name, target, pointer, $"{name}.{wire}{note} is now {(newProperty.IsReadOnly ? "read-only" : "writable")}.", direction: direction);
                }

                if (!IsDeprecated(oldProperty) && IsDeprecated(newProperty))
                {
                    Add(DiffRules.PropertyDeprecated, null, name, target, pointer, $"{name}.{wire}{note} is deprecated.", direction: direction);
                }
            }
        }

        /// <summary>
        /// When a place now uses a new schema where it used another (a split or a replacement, not a rename),
        /// remembers the pair so that the new schema is compared with the old one, and says so.
        /// </summary>
        private string Replacement(TypeRef? older, TypeRef? newer)
        {
            var found = new List<(string Old, string New)>();
            SchemaCorrespondence.Align(older, newer, (x, y) =>
            {
                if (_oldTypes.TryGetValue(x, out var a) && !_oldTypes.ContainsKey(y) && !_types.Renames.Values.Contains(y)
                    && _newTypes.TryGetValue(y, out var b) && a.GetType() == b.GetType() && a is ObjectType or EnumType)
                {
                    found.Add((x, y));
                }
            });
            _replacements.AddRange(found.Where(pair => !_replacements.Contains(pair)));
            return found.Count == 0
                ? string.Empty
                : $" ({string.Join("; ", found.Select(p => _types.SameShape(_oldTypes[p.Old], _newTypes[p.New]) ? $"{p.New} is new, with the shape of {p.Old}" : $"{p.New} is new: its differences from {p.Old} are listed under {p.New}"))})";
        }

        private ChangeDirection Direction(string oldName, string newName)
            => Merge(_newUsage.Of(newName), _oldUsage.Of(oldName)); // A type used only in an older version's responses still counts as received.

        private void DiffSecurity(OperationModel older, OperationModel newer)
        {
            static string Describe(IReadOnlyList<SecurityRequirementModel> requirements)
                => requirements.Count == 0
                    ? "none"
                    : string.Join(" or ", requirements.Select(r => r.Schemes.Count == 0
                        ? "anonymous"
                        : string.Join(" and ", r.Schemes.Select(s => s.Scopes.Count == 0 ? s.Scheme : $"{s.Scheme} [{string.Join(", ", s.Scopes)}]"))));

            var before = Describe(older.Security);
            var after = Describe(newer.Security);
            if (before == after)
            {
                return;
            }

            var id = newer.OperationId;
            var rule = older.Security.Count == 0 ? DiffRules.SecurityAdded : newer.Security.Count == 0 ? DiffRules.SecurityRemoved : DiffRules.SecurityChanged;
            Add(rule, id, null, $"{id}/security", newer.SchemaPointer, $"{id}: security {before} → {after}.");
        }

        private void Add(DiffRule rule, string? operation, string? schema, string target, string pointer, string text, ChangeLevel? level = null, ChangeDirection? direction = null)
            => Changes.Add(new(rule.Id, level ?? rule.Level, direction ?? rule.Direction, operation, schema, pointer, text) { Target = target });

        private static bool IsDeprecated(OperationModel operation)
            => Deprecation.IsMarked(operation.IsDeprecated, operation.Description) || Deprecation.IsMarked(false, operation.Summary);

        private static bool IsDeprecated(PropertyModel property) => Deprecation.IsMarked(property.IsDeprecated, property.Description);

        // The key under definitions, for a schema defined there (not inline).
        private static string? DefinitionKey(TypeDefinition type)
            => type.SchemaPointer.StartsWith("/definitions/", StringComparison.Ordinal) && type.SchemaPointer.IndexOf('/', "/definitions/".Length) < 0
                ? type.SchemaPointer["/definitions/".Length..]
                : null;

        private static ChangeDirection Merge(ChangeDirection a, ChangeDirection b)
            => (a, b) switch
            {
                _ when a == b => a,
                (ChangeDirection.None, _) => b,
                (_, ChangeDirection.None) => a,
                _ => ChangeDirection.Both,
            };
    }
}

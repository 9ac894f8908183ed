using DockerApiGen.Generator.Model;

namespace DockerApiGen.Generator.Diffing;

/// <summary>
/// The spec-level diff: compares two versions' immutable models (operations, parameters, bodies,
/// responses, security, schemas, properties, enum values) and judges each difference with a <see cref="DiffRule"/>.
/// Operations are matched by id, then (for ids found on one side only) by method and path.
/// Deterministic: changes are ordered by level, then operation or schema, then rule.
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
        var changes = new List<ApiChange>();
        var oldUsage = new TypeUsage(from);
        var newUsage = new TypeUsage(to);
        DiffOperations(from, to, changes);
        DiffSchemas(from, to, oldUsage, newUsage, changes);
        return changes
            .OrderBy(c => c.Level)
            .ThenBy(c => c.Operation ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(c => c.Schema ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(c => c.Target, StringComparer.Ordinal)
            .ThenBy(c => c.RuleId, StringComparer.Ordinal)
            .ToList();
    }

    private static ApiChange Change(DiffRule rule, string? operation, string? schema, string target, string pointer, string text, ChangeLevel? level = null, ChangeDirection? direction = null)
        => new(rule.Id, level ?? rule.Level, direction ?? rule.Direction, operation, schema, pointer, text) { Target = target };

    private static void DiffOperations(ApiModel from, ApiModel to, List<ApiChange> changes)
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
                changes.Add(Change(DiffRules.OperationIdChanged, added.OperationId, null, added.OperationId, added.SchemaPointer, $"{added.Method} {added.Path}: operation id {renamed.OperationId} is now {added.OperationId}."));
            }
        }

        var paired = pairs.Select(p => p.Newer.OperationId).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, added) in newOperations.Where(kv => !paired.Contains(kv.Key)))
        {
            changes.Add(Change(DiffRules.OperationAdded, id, null, id, added.SchemaPointer, $"Operation {id} added: {added.Method} {added.Path}."));
        }

        foreach (var removed in unmatchedOld)
        {
            var id = removed.OperationId;
            changes.Add(Change(DiffRules.OperationRemoved, id, null, id, removed.SchemaPointer, $"Operation {id} removed (was {removed.Method} {removed.Path})."));
        }

        foreach (var (older, newer) in pairs)
        {
            var id = newer.OperationId;
            if (older.Method != newer.Method || older.Path != newer.Path)
            {
                changes.Add(Change(DiffRules.OperationMoved, id, null, id, newer.SchemaPointer, $"{id} moved from {older.Method} {older.Path} to {newer.Method} {newer.Path}."));
            }

            if (!older.IsDeprecated && newer.IsDeprecated)
            {
                changes.Add(Change(DiffRules.OperationDeprecated, id, null, id, newer.SchemaPointer, $"{id} is deprecated."));
            }

            DiffParameters(older, newer, changes);
            DiffResponses(older, newer, changes);
            DiffContentTypes(older, newer, changes);
            DiffSecurity(older, newer, changes);
        }
    }

    private static void DiffSecurity(OperationModel older, OperationModel newer, List<ApiChange> changes)
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
        changes.Add(Change(rule, id, null, $"{id}/security", newer.SchemaPointer, $"{id}: security {before} → {after}."));
    }

    private static void DiffParameters(OperationModel older, OperationModel newer, List<ApiChange> changes)
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
            var candidates = added.Where(p => p.Location == gone.Location && p.IsRequired == gone.IsRequired && SameShape(p.Type, gone.Type)).ToList();
            if (candidates.Count == 1 && removed.Count(r => r.Location == gone.Location && SameShape(r.Type, gone.Type)) == 1)
            {
                var renamed = candidates[0];
                changes.Add(Change(DiffRules.ParameterRenamed, id, null, $"{id}/{Key(gone)}", renamed.SchemaPointer, $"{id}: {gone.Location.ToString().ToLowerInvariant()} parameter '{gone.WireName}' renamed to '{renamed.WireName}'."));
                removed.Remove(gone);
                added.Remove(renamed);
            }
        }

        foreach (var parameter in added)
        {
            var key = Key(parameter);
            var rule = parameter.IsRequired ? DiffRules.ParameterAddedRequired : DiffRules.ParameterAddedOptional;
            changes.Add(Change(rule, id, null, $"{id}/{key}", parameter.SchemaPointer, $"{id}: {(parameter.IsRequired ? "required" : "optional")} {parameter.Location.ToString().ToLowerInvariant()} parameter '{parameter.WireName}' added ({TypeText.Of(parameter.Type)})."));
        }

        foreach (var parameter in removed)
        {
            var key = Key(parameter);
            changes.Add(Change(DiffRules.ParameterRemoved, id, null, $"{id}/{key}", parameter.SchemaPointer, $"{id}: {parameter.Location.ToString().ToLowerInvariant()} parameter '{parameter.WireName}' removed."));
        }

        foreach (var (key, newParameter) in newParameters)
        {
            if (!oldParameters.TryGetValue(key, out var oldParameter))
            {
                continue;
            }

            var target = $"{id}/{key}";
            if (!oldParameter.IsRequired && newParameter.IsRequired)
            {
                changes.Add(Change(DiffRules.ParameterBecameRequired, id, null, target, newParameter.SchemaPointer, $"{id}: parameter '{key}' is now required."));
            }
            else if (oldParameter.IsRequired && !newParameter.IsRequired)
            {
                changes.Add(Change(DiffRules.ParameterBecameOptional, id, null, target, newParameter.SchemaPointer, $"{id}: parameter '{key}' is now optional."));
            }

            if (newParameter.Location == ParameterLocation.Body)
            {
                if (!SameShape(oldParameter.Type, newParameter.Type))
                {
                    changes.Add(Change(DiffRules.BodyTypeChanged, id, null, target, newParameter.SchemaPointer, $"{id}: request body changed from {TypeText.Of(oldParameter.Type)} to {TypeText.Of(newParameter.Type)}.", direction: ChangeDirection.Request));
                }
            }
            else if (!SameShape(oldParameter.Type, newParameter.Type))
            {
                changes.Add(Change(DiffRules.ParameterTypeChanged, id, null, target, newParameter.SchemaPointer, $"{id}: parameter '{key}' changed from {TypeText.Of(oldParameter.Type)} to {TypeText.Of(newParameter.Type)}."));
            }

            if (oldParameter.DefaultJson != newParameter.DefaultJson)
            {
                changes.Add(Change(DiffRules.ParameterDefaultChanged, id, null, target, newParameter.SchemaPointer, $"{id}: default of '{key}' changed from {oldParameter.DefaultJson ?? "none"} to {newParameter.DefaultJson ?? "none"}."));
            }
        }
    }

    private static void DiffResponses(OperationModel older, OperationModel newer, List<ApiChange> changes)
    {
        var id = newer.OperationId;
        var oldResponses = older.Responses.ToDictionary(r => r.StatusCode, StringComparer.Ordinal);
        var newResponses = newer.Responses.ToDictionary(r => r.StatusCode, StringComparer.Ordinal);
        foreach (var code in newResponses.Keys.Where(c => !oldResponses.ContainsKey(c)))
        {
            changes.Add(Change(DiffRules.ResponseAdded, id, null, $"{id}/responses/{code}", $"{newer.SchemaPointer}/responses/{code}", $"{id}: response {code} added."));
        }

        foreach (var code in oldResponses.Keys.Where(c => !newResponses.ContainsKey(c)))
        {
            changes.Add(Change(DiffRules.ResponseRemoved, id, null, $"{id}/responses/{code}", $"{older.SchemaPointer}/responses/{code}", $"{id}: response {code} removed."));
        }

        foreach (var (code, response) in newResponses)
        {
            if (oldResponses.TryGetValue(code, out var old) && !SameShape(old.Type, response.Type))
            {
                changes.Add(Change(DiffRules.BodyTypeChanged, id, null, $"{id}/responses/{code}", $"{newer.SchemaPointer}/responses/{code}", $"{id}: response {code} body changed from {TypeText.Of(old.Type)} to {TypeText.Of(response.Type)}.", direction: ChangeDirection.Response));
            }
        }
    }

    private static void DiffContentTypes(OperationModel older, OperationModel newer, List<ApiChange> changes)
    {
        var id = newer.OperationId;
        if (!older.Consumes.Order(StringComparer.Ordinal).SequenceEqual(newer.Consumes.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            changes.Add(Change(DiffRules.ContentTypeChanged, id, null, $"{id}/consumes", newer.SchemaPointer, $"{id}: consumes [{string.Join(", ", older.Consumes)}] → [{string.Join(", ", newer.Consumes)}].", direction: ChangeDirection.Request));
        }

        if (!older.Produces.Order(StringComparer.Ordinal).SequenceEqual(newer.Produces.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            changes.Add(Change(DiffRules.ContentTypeChanged, id, null, $"{id}/produces", newer.SchemaPointer, $"{id}: produces [{string.Join(", ", older.Produces)}] → [{string.Join(", ", newer.Produces)}].", direction: ChangeDirection.Response));
        }
    }

    private static void DiffSchemas(ApiModel from, ApiModel to, TypeUsage oldUsage, TypeUsage newUsage, List<ApiChange> changes)
    {
        var oldTypes = from.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var newTypes = to.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var (name, added) in newTypes.Where(kv => !oldTypes.ContainsKey(kv.Key)))
        {
            changes.Add(Change(DiffRules.SchemaAdded, null, name, name, added.SchemaPointer, $"Schema {name} added."));
        }

        foreach (var (name, removed) in oldTypes.Where(kv => !newTypes.ContainsKey(kv.Key)))
        {
            changes.Add(Change(DiffRules.SchemaRemoved, null, name, name, removed.SchemaPointer, $"Schema {name} removed."));
        }

        foreach (var (name, newer) in newTypes)
        {
            if (!oldTypes.TryGetValue(name, out var older))
            {
                continue;
            }

            // A type used only in an older version's responses still counts as received.
            var direction = Merge(newUsage.Of(name), oldUsage.Of(name));
            switch ((older, newer))
            {
                case (EnumType oldEnum, EnumType newEnum):
                    DiffEnum(name, oldEnum, newEnum, direction, changes);
                    break;
                case (ObjectType oldObject, ObjectType newObject):
                    DiffObject(name, oldObject, newObject, direction, changes);
                    break;
                default:
                    changes.Add(Change(DiffRules.PropertyTypeChanged, null, name, name, newer.SchemaPointer, $"Schema {name} changed kind ({older.GetType().Name} → {newer.GetType().Name}).", direction: direction));
                    break;
            }
        }
    }

    private static void DiffEnum(string name, EnumType older, EnumType newer, ChangeDirection direction, List<ApiChange> changes)
    {
        var oldValues = older.Members.Select(m => m.WireValue).ToHashSet(StringComparer.Ordinal);
        var newValues = newer.Members.Select(m => m.WireValue).ToHashSet(StringComparer.Ordinal);
        var sent = direction is ChangeDirection.Request or ChangeDirection.Both;
        var received = direction is ChangeDirection.Response or ChangeDirection.Both or ChangeDirection.None;
        foreach (var value in newer.Members.Select(m => m.WireValue).Where(v => !oldValues.Contains(v)))
        {
            // A value the client may receive is possibly breaking; one it only sends is not.
            var rule = received ? DiffRules.ResponseEnumValueAdded : DiffRules.RequestEnumValueAdded;
            changes.Add(Change(rule, null, name, $"{name}={value}", newer.SchemaPointer, $"Enum {name}: value '{value}' added.", direction: direction));
        }

        foreach (var value in older.Members.Select(m => m.WireValue).Where(v => !newValues.Contains(v)))
        {
            var rule = sent ? DiffRules.RequestEnumValueRemoved : DiffRules.ResponseEnumValueRemoved;
            changes.Add(Change(rule, null, name, $"{name}={value}", older.SchemaPointer, $"Enum {name}: value '{value}' removed.", direction: direction));
        }
    }

    private static void DiffObject(string name, ObjectType older, ObjectType newer, ChangeDirection direction, List<ApiChange> changes)
    {
        var oldProperties = older.Properties.ToDictionary(p => p.WireName, StringComparer.Ordinal);
        var newProperties = newer.Properties.ToDictionary(p => p.WireName, StringComparer.Ordinal);
        var sentOnly = direction == ChangeDirection.Request;
        var sent = direction is ChangeDirection.Request or ChangeDirection.Both;
        foreach (var (wire, property) in newProperties.Where(kv => !oldProperties.ContainsKey(kv.Key)))
        {
            var rule = property.IsRequired && sent ? DiffRules.PropertyAddedRequired : DiffRules.PropertyAdded;
            changes.Add(Change(rule, null, name, $"{name}.{wire}", property.SchemaPointer, $"{name}: {(property.IsRequired ? "required " : string.Empty)}property '{wire}' added ({TypeText.Of(property.Type)}).", direction: direction));
        }

        foreach (var (wire, property) in oldProperties.Where(kv => !newProperties.ContainsKey(kv.Key)))
        {
            var rule = sentOnly ? DiffRules.PropertyRemovedFromRequest : DiffRules.PropertyRemovedFromResponse;
            changes.Add(Change(rule, null, name, $"{name}.{wire}", property.SchemaPointer, $"{name}: property '{wire}' removed.", direction: direction));
        }

        foreach (var (wire, newProperty) in newProperties)
        {
            if (!oldProperties.TryGetValue(wire, out var oldProperty))
            {
                continue;
            }

            var target = $"{name}.{wire}";
            var pointer = newProperty.SchemaPointer;
            if (!SameShape(oldProperty.Type, newProperty.Type))
            {
                changes.Add(Change(DiffRules.PropertyTypeChanged, null, name, target, pointer, $"{name}.{wire}: type changed from {TypeText.Of(oldProperty.Type)} to {TypeText.Of(newProperty.Type)}.", direction: direction));
            }

            if (oldProperty.IsRequired != newProperty.IsRequired)
            {
                var rule = newProperty.IsRequired ? DiffRules.PropertyBecameRequired : DiffRules.PropertyBecameOptional;
                var level = newProperty.IsRequired && sent ? ChangeLevel.Breaking : rule.Level;
                changes.Add(Change(rule, null, name, target, pointer, $"{name}.{wire} is now {(newProperty.IsRequired ? "required" : "optional")}.", level, direction));
            }

            if ((oldProperty.Nullable ?? false) != (newProperty.Nullable ?? false))
            {
                changes.Add(Change(DiffRules.PropertyNullabilityChanged, null, name, target, pointer, $"{name}.{wire} is now {(newProperty.Nullable == true ? "nullable" : "not nullable")}.", direction: direction));
            }

            if (oldProperty.IsReadOnly != newProperty.IsReadOnly)
            {
                changes.Add(Change(DiffRules.PropertyReadOnlyChanged, null, name, target, pointer, $"{name}.{wire} is now {(newProperty.IsReadOnly ? "read-only" : "writable")}.", direction: direction));
            }

            if (!oldProperty.IsDeprecated && newProperty.IsDeprecated)
            {
                changes.Add(Change(DiffRules.PropertyDeprecated, null, name, target, pointer, $"{name}.{wire} is deprecated.", direction: direction));
            }
        }
    }

    private static bool SameShape(TypeRef? older, TypeRef? newer) => TypeText.Of(older) == TypeText.Of(newer);

    private static ChangeDirection Merge(ChangeDirection a, ChangeDirection b)
        => (a, b) switch
        {
            _ when a == b => a,
            (ChangeDirection.None, _) => b,
            (_, ChangeDirection.None) => a,
            _ => ChangeDirection.Both,
        };
}

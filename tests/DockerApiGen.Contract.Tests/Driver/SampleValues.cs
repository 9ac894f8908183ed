using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using DockerApiGen.Contract.Tests.Responses;
using DockerApiGen.Contract.Tests.Support;
using DockerApiGen.Runtime.Auth;
using DockerApiGen.Runtime.Query;

namespace DockerApiGen.Contract.Tests.Driver;

/// <summary>
/// Sample values of generated and runtime types, for arguments and request bodies: every settable property
/// of a model set (to <c>"sample"</c>, 1, true, an open enum's first value, one-item lists and maps…),
/// nested models depth-limited.
/// </summary>
public static class SampleValues
{
    /// <summary>What a string in a body or list holds.</summary>
    public const string Text = "sample";

    /// <summary>The sample date and time.</summary>
    public static DateTimeOffset Time { get; } = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    // Deep enough for every request body (container create nests about five levels).
    private const int MaxDepth = 8;

    /// <summary>A sample value of a type.</summary>
    /// <param name="type">The type.</param>
    /// <exception cref="NotSupportedException">The type is not one generated code uses.</exception>
    public static object? For(Type type) => Build(type, 0);

    /// <summary>Sets every settable property of an object to a sample value (model properties that hold unknown JSON excepted).</summary>
    /// <param name="target">The object.</param>
    /// <param name="valueFor">The value of one property, or null to use <see cref="For"/>.</param>
    public static void Fill(object target, Func<PropertyInfo, object?>? valueFor = null) => Fill(target, 0, valueFor);

    private static void Fill(object target, int depth, Func<PropertyInfo, object?>? valueFor)
    {
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Extension data holds JSON the spec does not declare: filling it would send unknown properties.
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0
                || property.IsDefined(typeof(JsonExtensionDataAttribute)) || property.IsDefined(typeof(JsonIgnoreAttribute)))
            {
                continue;
            }

            property.SetValue(target, valueFor?.Invoke(property) ?? Build(property.PropertyType, depth + 1));
        }
    }

    private static object? Build(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (Scalar(type) is { } scalar)
        {
            return scalar;
        }

        if (type == typeof(JsonElement))
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }

        if (type == typeof(Stream))
        {
            return new ForwardOnlyStream(TarResponse.ArchiveBytes);
        }

        if (type == typeof(DockerFilters))
        {
            return new DockerFilters().Add("label", "a=b");
        }

        if (type == typeof(RegistryCredentials))
        {
            return SampleCredentials.Create();
        }

        if (OpenEnumFirstValue(type) is { } enumValue)
        {
            return enumValue;
        }

        if (type.IsGenericType && Collection(type, depth) is { } collection)
        {
            return collection;
        }

        if (type.IsClass && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is { } constructor && IsGenerated(type))
        {
            var model = constructor.Invoke(null);
            if (depth < MaxDepth)
            {
                Fill(model, depth, null);
            }

            return model;
        }

        throw new NotSupportedException($"No sample value for {type.FullName}; teach {nameof(SampleValues)} the type.");
    }

    /// <summary>Whether a type is generated code of a package (an Engine version's, or the Hub's models and options).</summary>
    /// <param name="type">The type.</param>
    public static bool IsGenerated(Type type)
        => type?.Namespace is { } ns && (ns.StartsWith("DockerApiGen.Engine.", StringComparison.Ordinal) || ns is "DockerApiGen.Hub" or "DockerApiGen.Hub.Models");

    private static object? Scalar(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.String => Text,
        TypeCode.Boolean => true,
        TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
            or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal => Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture),
        _ when type == typeof(DateTimeOffset) => Time,
        _ when type == typeof(TimeSpan) => TimeSpan.FromSeconds(1),
        _ => null,
    };

    // Generated enums are open structs with one static property per spec value, in spec order.
    private static object? OpenEnumFirstValue(Type type)
        => type.IsValueType
            ? type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type).OrderBy(p => p.MetadataToken).FirstOrDefault()?.GetValue(null)
            : null;

    private static object? Collection(Type type, int depth)
    {
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (definition == typeof(ISet<>) || definition == typeof(HashSet<>) || definition == typeof(IReadOnlySet<>))
        {
            var set = Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(arguments))!;
            set.GetType().GetMethod("Add")!.Invoke(set, [Build(arguments[0], depth + 1)]);
            return set;
        }

        if (definition == typeof(IList<>) || definition == typeof(List<>) || definition == typeof(ICollection<>)
            || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments))!;
            list.Add(Build(arguments[0], depth + 1));
            return list;
        }

        if (definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
        {
            var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            map.Add(Build(arguments[0], depth + 1)!, Build(arguments[1], depth + 1));
            return map;
        }

        return null;
    }
}

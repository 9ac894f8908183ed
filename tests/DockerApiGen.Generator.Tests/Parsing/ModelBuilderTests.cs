using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Loading;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Naming;
using DockerApiGen.Generator.Parsing;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Parsing;

public sealed class ModelBuilderTests
{
    internal static readonly NamingConfig Naming = new(
        new Dictionary<string, string> { ["Task"] = "SwarmTask" },
        new Dictionary<string, string>(),
        "naming.yaml");

    internal static async Task<ApiModel> Build(string text, NamingConfig? naming = null)
    {
        var spec = await SpecLoader.LoadAsync(ApiVersion.Parse("9.1"), text, "fixture.yaml", [], TestContext.Current.CancellationToken);
        return ModelBuilder.Build(spec, naming ?? Naming);
    }

    private static ObjectType Object(ApiModel model, string name) => Assert.IsType<ObjectType>(model.FindType(name));

    private static PropertyModel Property(ApiModel model, string type, string wire) => Object(model, type).Properties.Single(p => p.WireName == wire);

    [Fact]
    public async Task Names_inline_schemas_by_title_then_go_name_then_context()
    {
        var model = await Build(FixtureSpecs.Rich);
        Assert.Equal(NameSource.Title, model.FindType("NamedByTitle")!.NameSource);
        Assert.Equal(NameSource.GoName, model.FindType("NamedByGo")!.NameSource);
        Assert.Equal(NameSource.Context, model.FindType("WidgetHealth")!.NameSource);
        Assert.Equal(NameSource.Context, model.FindType("WidgetCreateRequest")!.NameSource);
        Assert.Equal(NameSource.Context, model.FindType("WidgetCreateResponse")!.NameSource);
        Assert.Equal(NameSource.Context, model.FindType("WidgetState")!.NameSource);
    }

    [Fact]
    public async Task Maps_types_exactly()
    {
        var model = await Build(FixtureSpecs.Rich);
        Assert.Equal(new PrimitiveRef(PrimitiveKind.UInt16, "uint16"), Property(model, "Widget", "Size").Type);
        Assert.Equal(new PrimitiveRef(PrimitiveKind.DateTime, "dateTime"), Property(model, "Widget", "Created").Type);
        Assert.IsType<CommandLineRef>(Property(model, "Widget", "Cmd").Type);
        Assert.IsType<StringSetRef>(Property(model, "Widget", "Ports").Type);
        Assert.Equal(new MapRef(new PrimitiveRef(PrimitiveKind.String, null)), Property(model, "Widget", "Labels").Type);
        Assert.Equal(new NamedRef("WidgetState"), Property(model, "Widget", "State").Type);
        Assert.True(Property(model, "Widget", "Id").IsRequired);
        Assert.False(Property(model, "Widget", "Id").Nullable);
    }

    [Fact]
    public async Task Makes_member_names_valid_csharp()
    {
        var model = await Build(FixtureSpecs.Rich);
        Assert.Equal("OsVersion", Property(model, "Widget", "os.version").Name);
        Assert.Equal("WidgetValue", Property(model, "Widget", "Widget").Name); // A member may not share its type's name.
    }

    [Fact]
    public async Task Flattens_all_of_into_one_type()
    {
        var model = await Build(FixtureSpecs.Rich);
        Assert.Equal(["Memory", "Name"], Object(model, "Combined").Properties.Select(p => p.WireName));
    }

    [Fact]
    public async Task Enums_keep_values_and_take_declared_names()
    {
        var model = await Build(FixtureSpecs.Rich);
        var state = Assert.IsType<EnumType>(model.FindType("WidgetState"));
        Assert.Equal(["Running", "Exited", "Empty"], state.Members.Select(m => m.Name));
        var kind = Assert.IsType<EnumType>(model.FindType("Kind"));
        Assert.Equal(EnumKind.Integer, kind.Kind);
        Assert.Equal(["Modified", "Added", "Deleted"], kind.Members.Select(m => m.Name));
        Assert.Equal(["0", "1", "2"], kind.Members.Select(m => m.WireValue));
    }

    [Fact]
    public async Task Renames_types_that_would_be_ambiguous_in_user_code()
    {
        var model = await Build(FixtureSpecs.Rich);
        Assert.NotNull(model.FindType("SwarmTask"));
        Assert.Null(model.FindType("Task"));
    }

    [Fact]
    public async Task Without_a_rename_Task_is_an_error_naming_the_framework_type()
    {
        var ex = await Assert.ThrowsAsync<GenerationException>(() => Build(FixtureSpecs.Rich, NamingConfig.Empty));
        var problem = Assert.Single(ex.Problems);
        Assert.Contains("System.Threading.Tasks.Task", problem.Message, StringComparison.Ordinal);
        Assert.Equal("/definitions/Task", problem.JsonPointer);
    }

    [Fact]
    public async Task A_name_clash_is_an_error_with_both_places_never_a_numbered_name()
    {
        var text = FixtureSpecs.Spec("""
              Config:
                type: "object"
                properties:
                  A:
                    type: "string"
              Plugin:
                type: "object"
                properties:
                  Config:
                    type: "object"
                    x-go-name: "Config"
                    properties:
                      B:
                        type: "string"
            """);
        var problem = Assert.Single((await Assert.ThrowsAsync<GenerationException>(() => Build(text))).Problems);
        Assert.Contains("Type name clash: 'Config'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("/definitions/Config", problem.Message, StringComparison.Ordinal);
        Assert.Equal(16, problem.Line); // The key of Plugin's inline Config.

        var renamed = await Build(text, Naming with { InlineNames = new Dictionary<string, string> { ["/definitions/Plugin/properties/Config"] = "PluginConfig" } });
        Assert.Equal(NameSource.Configured, renamed.FindType("PluginConfig")!.NameSource);
    }

    [Fact]
    public async Task Properties_that_map_to_one_csharp_name_are_an_error()
    {
        var text = FixtureSpecs.Spec("""
              A:
                type: "object"
                properties:
                  os_type:
                    type: "string"
                  OsType:
                    type: "string"
            """);
        var problem = Assert.Single((await Assert.ThrowsAsync<GenerationException>(() => Build(text))).Problems);
        Assert.Contains("'os_type', 'OsType' of A all map to the C# name 'OsType'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operations_carry_parameters_bodies_and_responses()
    {
        var model = await Build(FixtureSpecs.Rich);
        var list = model.Operations.Single(o => o.OperationId == "WidgetList");
        Assert.Equal(("GET", "/widgets", "Widget"), (list.Method, list.Path, list.Tag));
        var all = Assert.Single(list.Parameters);
        Assert.Equal((ParameterLocation.Query, "false", "all"), (all.Location, all.DefaultJson, all.Name));
        Assert.Equal(new ArrayRef(new NamedRef("Widget")), Assert.Single(list.Responses).Type);
        var create = model.Operations.Single(o => o.OperationId == "WidgetCreate");
        Assert.Equal(new NamedRef("WidgetCreateRequest"), Assert.Single(create.Parameters).Type);
        Assert.Equal("201", Assert.Single(create.Responses).StatusCode);
    }

    [Theory]
    [InlineData("cpu_stats", "CpuStats")]
    [InlineData("X-Registry-Auth", "XRegistryAuth")]
    [InlineData("IPAMConfig", "IPAMConfig")]
    [InlineData("80/tcp", "V80Tcp")]
    public void Pascal_case_splits_on_separators_and_keeps_acronyms(string wire, string expected)
        => Assert.Equal(expected, Identifiers.ToPascalCase(wire));

    [Theory]
    [InlineData("IPAMConfig", "ipamConfig")]
    [InlineData("all", "all")]
    [InlineData("ID", "id")]
    [InlineData("X-Registry-Auth", "xRegistryAuth")]
    [InlineData("params", "@params")]
    public void Camel_case_escapes_keywords(string wire, string expected)
        => Assert.Equal(expected, Identifiers.ToCamelCase(wire));
}

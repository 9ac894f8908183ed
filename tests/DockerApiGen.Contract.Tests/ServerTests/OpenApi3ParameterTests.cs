using System.Text.Json.Nodes;
using DockerApiGen.Contract.Tests.Spec;
using DockerApiGen.Contract.Tests.Validation;

namespace DockerApiGen.Contract.Tests.ServerTests;

/// <summary>OpenAPI 3 query lists as their style and explode say: repeated names (form, exploded), or one value split on commas, spaces or pipes.</summary>
public sealed class OpenApi3ParameterTests
{
    [Theory]
    [InlineData("form", true, "ids=1&ids=2", null)]
    [InlineData("form", true, "ids=1&ids=x", "query 'ids'")]
    [InlineData("form", false, "ids=1,2,3", null)]
    [InlineData("form", false, "ids=1,x", "query 'ids'")]
    [InlineData("form", false, "ids=1&ids=2", "query 'ids'")] // one value, not repeated names
    [InlineData("pipeDelimited", false, "ids=1%7C2", null)]
    [InlineData("spaceDelimited", false, "ids=1%202", null)]
    [InlineData("spaceDelimited", false, "ids=1,2", "query 'ids'")]
    public void A_list_is_read_as_its_style_and_explode_say(string style, bool explode, string query, string? violation)
    {
        var parameter = SpecParameter.From(new JsonObject
        {
            ["name"] = "ids",
            ["in"] = "query",
            ["style"] = style,
            ["explode"] = explode,
            ["schema"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "integer" } },
        });
        var operation = new SpecOperation("WidgetList", "GET", "/widgets", [parameter], [], [], []);
        var violations = new List<Violation>();

        QueryValidator.Validate(query, operation, violations);

        Assert.Equal(violation is null ? [] : [violation], violations.Select(v => v.Subject).Distinct());
    }

    [Fact]
    public void Without_style_a_swagger_2_list_still_repeats_its_name()
    {
        var parameter = SpecParameter.From(new JsonObject { ["name"] = "ids", ["in"] = "query", ["type"] = "array", ["items"] = new JsonObject { ["type"] = "integer" } });

        Assert.Equal(("form", true, true), (parameter.Style, parameter.Explode, parameter.IsArray));
    }
}

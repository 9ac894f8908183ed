using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Emitting;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Tests.Pipeline;
using DockerApiGen.Generator.Semantics;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Parsing;
using DockerApiGen.Generator.Tests.Support;

namespace DockerApiGen.Generator.Tests.Semantics;

/// <summary>specs/operations.yaml: read with positions, every entry still used, gaps reported with what to declare.</summary>
public sealed class OperationsConfigTests(AllVersionsFixture fixture)
{
    [Fact]
    public async Task Every_declaration_matches_an_operation_or_parameter_of_some_locked_version()
    {
        var models = (await fixture.OutputsAsync()).Select(o => o.Model).ToList();
        var config = OperationsConfig.Load(TestRepository.Layout.OperationsPath);
        var operations = models.SelectMany(m => m.Operations).ToList();
        var ids = operations.Select(o => o.OperationId).ToHashSet(StringComparer.Ordinal);
        var tags = operations.Select(o => o.Tag).ToHashSet(StringComparer.Ordinal);

        Assert.All(config.Areas.Keys, tag => Assert.Contains(tag, tags));
        Assert.All(config.MethodNames.Keys, id => Assert.Contains(id, ids));
        Assert.All(config.OperationTags, pair => Assert.Contains(pair.Key, ids));
        Assert.All(config.OperationTags.Values, tag => Assert.Contains(tag, config.Areas.Keys));
        Assert.All(config.OptionNames.SelectMany(o => o.Value.Keys.Select(wire => (o.Key, wire))), named => Assert.True(
            operations.Any(o => o.OperationId == named.Key && o.Parameters.Any(p => p.WireName == named.wire && !p.IsRequired)),
            $"optionNames: {named.Key}.{named.wire} is not an optional parameter of any locked version."));
        Assert.All(config.Responses.Keys, id => Assert.Contains(id, ids));
        Assert.All(config.Parameters, declared => Assert.True(
            operations.Any(o => (declared.OperationId is null || o.OperationId == declared.OperationId)
                && o.Parameters.Any(p => string.Equals(p.WireName, declared.Name, StringComparison.OrdinalIgnoreCase))),
            $"{declared.OperationId ?? "(any)"}.{declared.Name} (line {declared.Line}) matches no parameter of any locked version."));
    }

    [Fact]
    public void The_operations_file_documents_every_word_of_the_vocabulary_and_no_other()
    {
        var comments = File.ReadAllLines(TestRepository.Layout.OperationsPath).Where(l => l.StartsWith("#   ", StringComparison.Ordinal)).ToList();
        var documented = comments.Select(l => l[4..].Split(' ', 2)[0]).ToHashSet(StringComparer.Ordinal);
        var words = OperationsVocabulary.ResponseKinds.Select(w => w.Text)
            .Concat(OperationsVocabulary.ParameterEncodings.Select(w => w.Text))
            .Concat(OperationsVocabulary.ClientNamings.Select(w => w.Text))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(words.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_bad_kind_is_reported_with_its_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"operations-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "areas:\n  System: { property: System, noun: System }\nresponses:\n  SystemPing: { kind: telepathy }\n");
        try
        {
            var problem = Assert.Single(Assert.Throws<GenerationException>(() => OperationsConfig.Load(path)).Problems);
            Assert.Equal((path, 4), (problem.File, problem.Line));
            Assert.Contains("'telepathy' is not a response kind. Use json, headers, json-stream, progress, output, stream, hijack, websocket, paged, exists, response or json-with-headers.", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_tag_without_an_area_names_the_file_to_declare_it_in()
    {
        var model = await ModelBuilderTests.Build(FixtureSpecs.Rich);
        var config = FixtureOperations.Config with { Areas = new Dictionary<string, AreaConfig> { ["System"] = new("System", "System", "System") } };
        var problem = Assert.Single(Assert.Throws<GenerationException>(() => FixtureOperations.Client(model, config)).Problems);
        Assert.Contains("Tag 'Widget' has no area: add it under `areas` in fixture-operations.yaml", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_operations_that_would_share_a_method_name_are_an_error()
    {
        var model = await ModelBuilderTests.Build(FixtureSpecs.Rich);
        var config = FixtureOperations.Config with { MethodNames = new Dictionary<string, string> { ["WidgetCreate"] = "List" } };
        var problem = Assert.Single(Assert.Throws<GenerationException>(() => FixtureOperations.Client(model, config)).Problems);
        Assert.Contains("would both be Widgets.List", problem.Message, StringComparison.Ordinal);
    }
}

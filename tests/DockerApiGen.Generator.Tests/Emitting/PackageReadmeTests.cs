using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Emitting;
using DockerApiGen.Generator.Pipeline;
using DockerApiGen.Generator.Roslyn;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Pipeline;
using DockerApiGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerApiGen.Generator.Tests.Emitting;

/// <summary>The generated package READMEs: daemons derived from the release data, a quick start that compiles.</summary>
public sealed class PackageReadmeTests(AllVersionsFixture fixture)
{
    private static PackageReadmeConfig Config => PackageReadmeConfig.Load(GeneratorInputs.Load(TestRepository.Layout).Family.PackageReadmePath)!;

    [Fact]
    public void Engine_20_10_serves_1_41_and_29_0_refuses_it()
    {
        var lines = PackageReadmeEmitter.Servers(Config, ApiVersion.Parse("1.41"));

        Assert.Equal("Served by Docker Engine 20.10–28.5 and 29.3–29.7.", lines[0]);
        Assert.Contains("- Not by 19.03 and older: the newest API version they speak is below 1.41.", lines);
        Assert.Contains("- Not by 29.0–29.2: they refuse every API version below 1.44.", lines);
    }

    [Fact]
    public void A_version_served_by_every_later_release_lists_one_range()
    {
        var lines = PackageReadmeEmitter.Servers(Config, ApiVersion.Parse("1.44"));

        Assert.Equal("Served by Docker Engine 25.0–29.7.", lines[0]);
        Assert.DoesNotContain(lines, l => l.Contains("refuse", StringComparison.Ordinal));
    }

    [Fact]
    public void A_version_no_listed_release_serves_says_so()
    {
        var lines = PackageReadmeEmitter.Servers(Config, ApiVersion.Parse("1.99"));

        Assert.Equal("No Docker Engine release listed here serves v1.99 yet.", lines[0]);
    }

    [Fact]
    public void The_readme_links_the_changes_from_the_previous_version()
    {
        var settings = FixtureSettings.For("1.41") with { SpecSha256 = new string('b', 64) };
        var text = PackageReadmeEmitter.Emit(settings, new PackageReadmeInputs(Config, ApiVersion.Parse("1.40")));

        Assert.StartsWith("# DockerApiGen.Engine.V1_41\n", text, StringComparison.Ordinal);
        Assert.Contains("https://docs.docker.com/reference/api/engine/version-history/#v141-api-changes", text, StringComparison.Ordinal);
        Assert.Contains("`dockerapigen diff 1.40 1.41 --surface`", text, StringComparison.Ordinal);
        Assert.Contains("using DockerApiGen.Engine.V1_41;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text.Replace("{ All = true }", "", StringComparison.Ordinal).Replace("{container.", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_release_row_names_its_line()
    {
        using var temp = new TempFolder();
        var path = temp.Write("package-readme.yaml", """
            product: Docker Engine
            changesUrl: "https://example.invalid/{version}"
            quickStart: "x"
            releases:
              - { release: "20.10", newest: "1.41", oldest: "1.12" }
              - { release: "23.0", newest: "1.42" }

            """);

        var problem = Assert.Single(Assert.Throws<GenerationException>(() => PackageReadmeConfig.Load(path)).Problems);
        Assert.Equal(6, problem.Line);
        Assert.Contains("oldest", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_committed_version_gets_a_readme_whose_quick_start_compiles_against_it()
    {
        var run = await fixture.RunAsync();
        var committed = (await fixture.OutputsAsync()).Where(o => run.Inputs.IsCommitted(o.Model.Version)).ToList();
        Assert.NotEmpty(committed);
        foreach (var output in committed)
        {
            var readme = Assert.Single(output.Files, f => f.RelativePath == PackageReadmeEmitter.FileName).Text;
            var start = readme.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
            var code = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

            // A console project's implicit usings, then the quick start as its Program.cs.
            var trees = new[]
            {
                CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.Linq; global using System.Threading.Tasks;", cancellationToken: TestContext.Current.CancellationToken),
                CSharpSyntaxTree.ParseText(code, CodeFormatter.ParseOptions, "Program.cs", cancellationToken: TestContext.Current.CancellationToken),
            };
            var program = CSharpCompilation.Create(
                "QuickStart",
                trees,
                ReferenceAssemblies.References.Append(output.Compilation!.ToMetadataReference()),
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
            var problems = program.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS8019").ToList();
            Assert.True(problems.Count == 0, $"v{output.Model.Version}: {string.Join("\n", problems)}");
        }
    }
}

using System.Collections.Immutable;
using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Emitting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerApiGen.Generator.Roslyn;

/// <summary>
/// Compiles a version's generated files in memory, exactly as its project would build: nullable on,
/// documentation diagnostics on, the System.Text.Json source generator running. Any diagnostic at
/// warning level or above fails generation with the generated file and line.
/// </summary>
public static class InMemoryCompiler
{
    private static readonly Lazy<ImmutableArray<ISourceGenerator>> Generators = new(() =>
        new AnalyzerFileReference(ReferenceAssemblies.JsonSourceGeneratorPath, new ReferenceAssemblies.AnalyzerLoader())
            .GetGenerators(LanguageNames.CSharp));

    /// <summary>Compiles the files and returns the compilation (with generated sources added).</summary>
    /// <param name="assemblyName">The assembly name, e.g. <c>DockerApiGen.Engine.V1_41</c>.</param>
    /// <param name="files">The formatted files; non-C# files are ignored.</param>
    /// <param name="cancellationToken">Cancels the compilation.</param>
    /// <exception cref="GenerationException">The code has warnings or errors.</exception>
    public static Compilation Compile(string assemblyName, IReadOnlyList<GeneratedFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var trees = files
            .Where(f => f.RelativePath.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, CodeFormatter.ParseOptions, f.RelativePath, cancellationToken: cancellationToken))
            .ToList();
        var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                deterministic: true,
                concurrentBuild: true)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Default);
        var compilation = CSharpCompilation.Create(assemblyName, trees, ReferenceAssemblies.References, options);

        var driver = CSharpGeneratorDriver.Create(Generators.Value, parseOptions: CodeFormatter.ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, cancellationToken);

        // Diagnostics, not Emit: they include the documentation and method-body checks (DocumentationMode.Diagnose)
        // without generating IL nobody loads.
        var problems = generatorDiagnostics.Concat(output.GetDiagnostics(cancellationToken))
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Distinct()
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .Select(CodeFormatter.ToProblem)
            .ToList();
        return problems.Count > 0 ? throw new GenerationException(problems) : output;
    }
}

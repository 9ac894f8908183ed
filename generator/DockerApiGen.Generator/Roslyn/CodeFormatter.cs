using DockerApiGen.Generator.Diagnostics;
using DockerApiGen.Generator.Emitting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Formatting;

namespace DockerApiGen.Generator.Roslyn;

/// <summary>
/// Roslyn's formatter (the one IDEs use: four-space indents, LF) as the judge of the emitters' layout. The
/// emitters write code exactly as it would format it, so generation does not run it (it cost more than
/// every other stage but compiling); tests format emitted code and require no change. A file that does not
/// parse is a generator bug, reported with the file and line.
/// </summary>
public static class CodeFormatter
{
    private static readonly Lazy<(AdhocWorkspace Workspace, Microsoft.CodeAnalysis.Options.OptionSet Options)> Formatting = new(() =>
    {
        var workspace = new AdhocWorkspace();
        var options = workspace.Options
            .WithChangedOption(FormattingOptions.NewLine, LanguageNames.CSharp, "\n")
            .WithChangedOption(FormattingOptions.UseTabs, LanguageNames.CSharp, false)
            .WithChangedOption(FormattingOptions.IndentationSize, LanguageNames.CSharp, 4);
        return (workspace, options);
    });

    /// <summary>The parse options generated code is read with.</summary>
    public static CSharpParseOptions ParseOptions { get; } =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>Parses and formats the C# files; other files pass through unchanged.</summary>
    /// <param name="files">The emitted files.</param>
    /// <exception cref="GenerationException">A file does not parse.</exception>
    public static IReadOnlyList<GeneratedFile> Format(IReadOnlyList<GeneratedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<SpecProblem>();
        var formatted = new List<GeneratedFile>(files.Count);
        foreach (var file in files)
        {
            if (!file.RelativePath.EndsWith(".cs", StringComparison.Ordinal))
            {
                formatted.Add(file);
                continue;
            }

            var tree = CSharpSyntaxTree.ParseText(file.Text, ParseOptions, file.RelativePath);
            var errors = tree.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            if (errors.Count > 0)
            {
                problems.AddRange(errors.Select(ToProblem));
                continue;
            }

            string text;
            lock (Formatting)
            {
                text = Formatter.Format(tree.GetRoot(), Formatting.Value.Workspace, Formatting.Value.Options).ToFullString();
            }

            formatted.Add(file with { Text = text.EndsWith('\n') ? text : text + "\n" });
        }

        return problems.Count > 0 ? throw new GenerationException(problems) : formatted;
    }

    /// <summary>Turns a Roslyn diagnostic into a problem naming the generated file and line.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    public static SpecProblem ToProblem(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var span = diagnostic.Location.GetLineSpan();
        var file = string.IsNullOrEmpty(span.Path) ? "(generated code)" : span.Path;
        return new SpecProblem(
            file,
            span.IsValid ? span.StartLinePosition.Line + 1 : null,
            span.IsValid ? span.StartLinePosition.Character + 1 : null,
            null,
            $"{diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}",
            "This is a generator bug: fix the emitter (never suppress the diagnostic).");
    }
}

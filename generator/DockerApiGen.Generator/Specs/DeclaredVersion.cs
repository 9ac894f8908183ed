using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DockerApiGen.Generator.Specs;

/// <summary>
/// The version a spec says it describes (<c>info.version</c>), read from the start of the file: the
/// spec under development upstream has no version in its file name, and a file added under a version
/// must say that version.
/// </summary>
public static class DeclaredVersion
{
    /// <summary>Reads <c>info.version</c>; null when the text is not YAML or has none.</summary>
    /// <param name="bytes">The spec's bytes (UTF-8).</param>
    public static string? Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            var parser = new Parser(new StringReader(Encoding.UTF8.GetString(bytes)));
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<MappingStart>(out _))
            {
                return null;
            }

            // Top level: walk keys, skipping every value but info's.
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>().Value;
                if (key != "info" || !parser.TryConsume<MappingStart>(out _))
                {
                    parser.SkipThisAndNestedEvents();
                    continue;
                }

                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var field = parser.Consume<Scalar>().Value;
                    if (field == "version" && parser.TryConsume<Scalar>(out var value))
                    {
                        return value.Value;
                    }

                    parser.SkipThisAndNestedEvents();
                }

                return null;
            }

            return null;
        }
        catch (YamlException)
        {
            return null;
        }
    }
}

using System.Text;

namespace DockerApiGen.Generator.Specs;

/// <summary>Writes files so that a reader (or a crash) never sees half of one: write aside, then rename.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes UTF-8 text (no BOM) atomically, creating the folder when needed.</summary>
    /// <param name="path">The destination.</param>
    /// <param name="contents">The text.</param>
    public static void WriteAllText(string path, string contents) => WriteAllBytes(path, Utf8NoBom.GetBytes(contents));

    /// <summary>Writes bytes atomically, creating the folder when needed.</summary>
    /// <param name="path">The destination.</param>
    /// <param name="contents">The bytes.</param>
    public static void WriteAllBytes(string path, byte[] contents)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllBytes(temporary, contents);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

namespace DockerApiGen.Runtime.Tests.Connect.Support;

/// <summary>A short-named temporary folder (unix socket paths under it must stay below 108 bytes), deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "dag")
    {
        Path = Directory.CreateTempSubdirectory(prefix + "-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A daemon may still be removing its files; the OS cleans /tmp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

namespace DockerApiGen.Models.Tests.Support;

/// <summary>The JSON files recorded from a real daemon (see RealResponses/README.md).</summary>
public static class RealResponse
{
    /// <summary>The folder of recorded responses beside the test assembly.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "RealResponses");

    /// <summary>The text of a recorded response.</summary>
    /// <param name="name">The file name.</param>
    public static string Read(string name)
    {
        var path = Path.Combine(Folder, name);
        Assert.True(File.Exists(path), $"The recorded response {name} is missing; re-capture with build/capture-real-responses.sh.");
        return File.ReadAllText(path);
    }
}

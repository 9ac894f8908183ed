using DockerApiGen.Registry.Content;

namespace DockerApiGen.Registry.References;

/// <summary>
/// A fully qualified image reference, <c>registry/repository[:tag][@digest]</c>, parsed with the distribution
/// reference grammar and normalised as the docker CLI does: no registry means Docker Hub (<c>docker.io</c>), a
/// single-component Docker Hub name gets <c>library/</c>, and a reference with neither tag nor digest gets the tag
/// <c>latest</c>. So <c>busybox</c> is <c>docker.io/library/busybox:latest</c>.
/// </summary>
/// <remarks>
/// The first component is a registry when it holds a '.' or a ':' (a port), is <c>localhost</c>, or holds an upper-case
/// letter; otherwise it is part of a Docker Hub repository name (<c>myuser/app</c>). Repository names are lower case;
/// tags are at most 128 characters; the registry and repository together at most 255. Equality compares
/// <see cref="ToString"/>.
/// </remarks>
public sealed class ImageReference : IEquatable<ImageReference>
{
    /// <summary>Docker Hub's name in references.</summary>
    public const string DockerHubRegistry = "docker.io";

    /// <summary>The host that serves Docker Hub's registry API.</summary>
    public const string DockerHubApiHost = "registry-1.docker.io";

    /// <summary>The tag a reference without tag or digest gets.</summary>
    public const string DefaultTag = "latest";

    private ImageReference(string registry, string repository, string? tag, Digest? digest)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry as references name it: <c>docker.io</c>, <c>ghcr.io</c>, <c>127.0.0.1:5000</c>.</summary>
    public string Registry { get; }

    /// <summary>The repository within the registry: <c>library/busybox</c>, <c>dockerapigen/app</c>.</summary>
    public string Repository { get; }

    /// <summary>The tag, or null when the reference gives only a digest.</summary>
    public string? Tag { get; }

    /// <summary>The digest, when the reference pins one (<c>@sha256:…</c>).</summary>
    public Digest? Digest { get; }

    /// <summary>The host (and port) that serves the registry API: <see cref="DockerHubApiHost"/> for Docker Hub, else <see cref="Registry"/>.</summary>
    public string ApiHost => IsDockerHub ? DockerHubApiHost : Registry;

    /// <summary>True for Docker Hub.</summary>
    public bool IsDockerHub => Registry == DockerHubRegistry;

    /// <summary>What the manifests endpoint takes: the digest when there is one (it wins over a tag), else the tag.</summary>
    public string ManifestReference => Digest?.ToString() ?? Tag!;

    /// <summary><c>registry/repository</c>, without tag or digest.</summary>
    public string Name => Registry + "/" + Repository;

    /// <summary>
    /// The short name the docker CLI shows: <c>busybox</c> for <c>docker.io/library/busybox</c>,
    /// <c>myuser/app</c> for <c>docker.io/myuser/app</c>, else <see cref="Name"/>.
    /// </summary>
    public string FamiliarName => !IsDockerHub ? Name : Repository.StartsWith("library/", StringComparison.Ordinal) && Repository.IndexOf('/', 8) < 0 ? Repository[8..] : Repository;

    /// <summary>Parses and normalises a reference.</summary>
    /// <param name="reference">E.g. <c>busybox</c>, <c>busybox:1.36</c>, <c>127.0.0.1:5000/app@sha256:…</c>.</param>
    /// <exception cref="ImageReferenceFormatException">The reference is malformed; the message says what and where.</exception>
    public static ImageReference Parse(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return TryParseCore(reference, out var parsed) is { } error ? throw error : parsed!;
    }

    /// <summary>Parses a reference without throwing.</summary>
    /// <param name="reference">The reference.</param>
    /// <param name="parsed">The normalised reference, when it parses.</param>
    public static bool TryParse(string? reference, out ImageReference? parsed)
    {
        parsed = null;
        return reference is not null && TryParseCore(reference, out parsed) is null;
    }

    /// <summary>This reference with another tag (and no digest).</summary>
    /// <param name="tag">The tag.</param>
    /// <exception cref="ImageReferenceFormatException">The tag is malformed.</exception>
    public ImageReference WithTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return ReferenceGrammar.CheckTag(tag, 1) is { } problem
            ? throw new ImageReferenceFormatException(tag, problem.Position, problem.Problem)
            : new ImageReference(Registry, Repository, tag, null);
    }

    /// <summary>This reference pinned to a digest (the tag is kept for display).</summary>
    /// <param name="digest">The digest.</param>
    public ImageReference WithDigest(Digest digest)
        => digest == default ? throw new ArgumentException("The digest is the default value; pass a parsed Digest.", nameof(digest)) : new ImageReference(Registry, Repository, Tag, digest);

    /// <summary>This repository in another registry or under another name, with the same tag and digest.</summary>
    /// <param name="name">A reference whose registry and repository are used (its tag and digest are ignored).</param>
    public ImageReference WithName(ImageReference name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new ImageReference(name.Registry, name.Repository, Tag, Digest);
    }

    /// <summary>The short form the docker CLI shows: <c>busybox:latest</c>, <c>127.0.0.1:5000/app@sha256:…</c>.</summary>
    public string ToFamiliarString() => FamiliarName + Suffix();

    /// <summary>The canonical form: <c>docker.io/library/busybox:latest</c>.</summary>
    public override string ToString() => Name + Suffix();

    /// <inheritdoc />
    public bool Equals(ImageReference? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ImageReference);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    private string Suffix() => (Tag is null ? "" : ":" + Tag) + (Digest is { } digest ? "@" + digest : "");

    private static ImageReferenceFormatException? TryParseCore(string text, out ImageReference? parsed)
    {
        parsed = null;
        ImageReferenceFormatException Fail(int position, string problem) => new(text, position, problem);

        if (text.Length == 0)
        {
            return Fail(0, "it is empty; expected e.g. busybox, busybox:1.36 or registry.example:5000/team/app@sha256:….");
        }

        if (text.Length == 64 && text.All(char.IsAsciiHexDigitLower))
        {
            return Fail(1, "64 hex digits are an image ID, not a reference; write the repository with the digest (name@sha256:…).");
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) || char.IsControl(text[i]))
            {
                return Fail(i + 1, $"it holds white space or a control character at character {i + 1}.");
            }
        }

        // name[:tag][@digest]: the digest follows the only '@'; the tag follows the last ':' after the last '/'.
        var name = text;
        Digest? digest = null;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (text.IndexOf('@', at + 1) is var second and >= 0)
            {
                return Fail(second + 1, $"it has a second '@' at character {second + 1}; only one digest may follow the name.");
            }

            if (!Content.Digest.TryParse(text[(at + 1)..], out var pinned, out var digestError))
            {
                return Fail(at + 2, $"the digest after '@' (character {at + 1}) is invalid: {digestError}");
            }

            digest = pinned;
            name = text[..at];
        }

        string? tag = null;
        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
        {
            tag = name[(colon + 1)..];
            if (ReferenceGrammar.CheckTag(tag, colon + 2) is { } tagProblem)
            {
                return Fail(tagProblem.Position, tagProblem.Problem);
            }

            name = name[..colon];
        }

        // The docker CLI's rule for telling a registry from the first path component.
        string registry;
        string path;
        int pathOffset;
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? name : name[..slash];
        if (slash < 0 || (first.IndexOfAny(['.', ':']) < 0 && first != "localhost" && !first.Any(char.IsAsciiLetterUpper)))
        {
            registry = DockerHubRegistry;
            path = name;
            pathOffset = 1;
        }
        else
        {
            if (ReferenceGrammar.CheckDomain(first, 1) is { } domainProblem)
            {
                return Fail(domainProblem.Position, domainProblem.Problem);
            }

            registry = first == "index.docker.io" ? DockerHubRegistry : first;
            path = name[(slash + 1)..];
            pathOffset = slash + 2;
        }

        if (ReferenceGrammar.CheckPath(path, pathOffset) is { } pathProblem)
        {
            return Fail(pathProblem.Position, pathProblem.Problem);
        }

        if (registry == DockerHubRegistry && !path.Contains('/', StringComparison.Ordinal))
        {
            path = "library/" + path;
        }

        var length = registry.Length + 1 + path.Length;
        if (length > ReferenceGrammar.NameTotalLengthMax)
        {
            return Fail(0, $"the name '{registry}/{path}' is {length} characters long; registry and repository together have at most {ReferenceGrammar.NameTotalLengthMax}.");
        }

        parsed = new ImageReference(registry, path, tag ?? (digest is null ? DefaultTag : null), digest);
        return null;
    }
}

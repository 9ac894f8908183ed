using System.Net;
using System.Net.Sockets;

namespace DockerApiGen.Registry.References;

/// <summary>
/// The pieces of the distribution reference grammar (github.com/distribution/reference), each returning what is
/// wrong and where instead of a bare "invalid reference format". Positions are 1-based characters of the input.
/// </summary>
internal static class ReferenceGrammar
{
    /// <summary>The longest repository name with its registry (<c>host[:port]/path</c>), as the docker CLI limits it.</summary>
    public const int NameTotalLengthMax = 255;

    /// <summary>The longest tag.</summary>
    public const int TagLengthMax = 128;

    /// <summary>A tag: <c>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}</c>.</summary>
    public static (int Position, string Problem)? CheckTag(string tag, int offset)
    {
        if (tag.Length == 0)
        {
            return (offset, "a ':' must be followed by a tag.");
        }

        if (tag.Length > TagLengthMax)
        {
            return (offset + TagLengthMax, $"the tag is {tag.Length} characters long; a tag has at most {TagLengthMax}.");
        }

        for (var i = 0; i < tag.Length; i++)
        {
            var c = tag[i];
            var word = char.IsAsciiLetterOrDigit(c) || c == '_';
            if (!word && !(i > 0 && c is '.' or '-'))
            {
                return (offset + i, i == 0
                    ? $"a tag starts with a letter, digit or '_', not '{c}' (character {offset + i})."
                    : $"a tag holds letters, digits, '_', '.' and '-' only; '{c}' at character {offset + i} is not allowed.");
            }
        }

        return null;
    }

    /// <summary>
    /// A registry: a host name (components of letters, digits and inner '-', joined by '.'), an IPv4 address or a
    /// bracketed IPv6 address, optionally followed by <c>:port</c>.
    /// </summary>
    public static (int Position, string Problem)? CheckDomain(string domain, int offset)
    {
        var host = domain;
        var portAt = -1;
        if (domain.StartsWith('['))
        {
            var close = domain.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return (offset, "the registry's IPv6 address opens '[' but never closes it with ']'.");
            }

            var inside = domain[1..close];
            if (!IPAddress.TryParse(inside, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return (offset + 1, $"'{inside}' between '[' and ']' is not an IPv6 address.");
            }

            if (close + 1 < domain.Length && domain[close + 1] != ':')
            {
                return (offset + close + 1, $"after the IPv6 address only ':port' may follow, not '{domain[close + 1]}' (character {offset + close + 1}).");
            }

            portAt = close + 1 < domain.Length ? close + 1 : -1;
        }
        else
        {
            var colon = domain.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                host = domain[..colon];
                portAt = colon;
            }

            if (CheckHostName(host, offset) is { } problem)
            {
                return problem;
            }
        }

        if (portAt >= 0)
        {
            var port = domain[(portAt + 1)..];
            if (port.Length == 0)
            {
                return (offset + portAt, "the registry ends with ':' but no port number follows.");
            }

            for (var i = 0; i < port.Length; i++)
            {
                if (!char.IsAsciiDigit(port[i]))
                {
                    return (offset + portAt + 1 + i, $"the registry's port holds '{port[i]}' at character {offset + portAt + 1 + i}; a port is digits only.");
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A repository path: components of <c>[a-z0-9]+</c> joined by one separator (<c>.</c>, <c>_</c>, <c>__</c> or
    /// dashes), components joined by '/'.
    /// </summary>
    public static (int Position, string Problem)? CheckPath(string path, int offset)
    {
        if (path.Length == 0)
        {
            return (offset, "the repository name is missing.");
        }

        var componentStart = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '/')
            {
                continue;
            }

            if (CheckComponent(path[componentStart..i], offset + componentStart) is { } problem)
            {
                return problem;
            }

            componentStart = i + 1;
        }

        return null;
    }

    private static (int Position, string Problem)? CheckComponent(string component, int offset)
    {
        if (component.Length == 0)
        {
            return (offset, $"the repository name has an empty path component at character {offset} ('//', or '/' at an end).");
        }

        for (var i = 0; i < component.Length; i++)
        {
            var c = component[i];
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                continue;
            }

            if (char.IsAsciiLetterUpper(c))
            {
                return (offset + i, $"a repository name must be lower case; '{c}' at character {offset + i} is not.");
            }

            if (c is not ('.' or '_' or '-'))
            {
                return (offset + i, $"a repository name holds lower-case letters, digits, '.', '_', '-' and '/' only; '{c}' at character {offset + i} is not allowed.");
            }

            // A separator is '.', '_', '__' or a run of '-', between two alphanumerics.
            var end = i;
            while (end + 1 < component.Length && component[end + 1] is '.' or '_' or '-')
            {
                end++;
            }

            var separator = component[i..(end + 1)];
            var valid = separator is "." or "_" or "__" || separator.All(s => s == '-');
            if (i == 0 || end == component.Length - 1 || !valid)
            {
                var where = i == 0 ? "start" : end == component.Length - 1 ? "end" : "join";
                return (offset + i, where == "join"
                    ? $"'{separator}' at character {offset + i} cannot join two parts of a repository name; use one '.', '_', '__' or dashes."
                    : $"a repository name component cannot {where} with '{separator}' (character {offset + i}).");
            }

            i = end;
        }

        return null;
    }

    private static (int Position, string Problem)? CheckHostName(string host, int offset)
    {
        if (host.Length == 0)
        {
            return (offset, "the registry's host name is empty.");
        }

        var labelStart = 0;
        for (var i = 0; i <= host.Length; i++)
        {
            if (i < host.Length && host[i] != '.')
            {
                var c = host[i];
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return (offset + i, $"the registry's host name holds '{c}' at character {offset + i}; host names are letters, digits, '-' and '.'.");
                }

                continue;
            }

            var label = host[labelStart..i];
            if (label.Length == 0 || label[0] == '-' || label[^1] == '-')
            {
                return (offset + labelStart, $"the registry's host name has an empty part or a part that starts or ends with '-' at character {offset + labelStart}.");
            }

            labelStart = i + 1;
        }

        return null;
    }
}

using System.Text;

namespace DockerApiGen.Registry.Auth;

/// <summary>
/// Parses <c>WWW-Authenticate</c> values (RFC 7235): one or more challenges, each a scheme followed by
/// comma-separated <c>name=value</c> parameters (values are tokens or quoted strings with backslash escapes), or by a
/// token68. A malformed value throws a <see cref="RegistryChallengeException"/> naming the character.
/// </summary>
public static class ChallengeParser
{
    /// <summary>The challenges in one header value.</summary>
    /// <param name="header">The header value.</param>
    /// <param name="registry">The registry that sent it, for messages.</param>
    /// <exception cref="RegistryChallengeException">The value is malformed.</exception>
    public static IReadOnlyList<AuthenticationChallenge> Parse(string header, string registry)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(registry);
        return new Reader(header, registry).ReadAll();
    }

    /// <summary>All challenges of an answer's <c>WWW-Authenticate</c> headers, read without .NET's lenient parsing.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="registry">The registry, for messages.</param>
    /// <exception cref="RegistryChallengeException">A value is malformed.</exception>
    public static IReadOnlyList<AuthenticationChallenge> Parse(HttpResponseMessage response, string registry)
    {
        ArgumentNullException.ThrowIfNull(response);
        var challenges = new List<AuthenticationChallenge>();
        if (response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var values))
        {
            foreach (var value in values)
            {
                challenges.AddRange(Parse(value, registry));
            }
        }

        return challenges;
    }

    private sealed class Reader(string text, string registry)
    {
        private int _i;

        public List<AuthenticationChallenge> ReadAll()
        {
            var challenges = new List<AuthenticationChallenge>();
            while (true)
            {
                SkipListSeparators();
                if (AtEnd)
                {
                    break;
                }

                challenges.Add(ReadChallenge());
            }

            return challenges.Count > 0 ? challenges : throw Fail(0, "it holds no challenge; expected e.g. Bearer realm=\"https://auth.example/token\",service=\"registry.example\".");
        }

        private bool AtEnd => _i >= text.Length;

        private char Peek => text[_i];

        private AuthenticationChallenge ReadChallenge()
        {
            var schemeAt = _i;
            var scheme = ReadToken();
            if (scheme.Length == 0)
            {
                throw Fail(schemeAt + 1, $"expected an authentication scheme (such as Bearer or Basic) but found '{Peek}'.");
            }

            var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (AtEnd || Peek == ',')
            {
                return new AuthenticationChallenge(scheme, parameters);
            }

            if (Peek != ' ')
            {
                throw Fail(_i + 1, $"the scheme '{scheme}' must be followed by a space, not '{Peek}'.");
            }

            var first = true;
            while (true)
            {
                SkipSpaces();
                if (AtEnd)
                {
                    break;
                }

                if (!first)
                {
                    if (Peek != ',')
                    {
                        throw Fail(_i + 1, $"expected ',' between parameters but found '{Peek}' (is a value missing its quotes?).");
                    }

                    SkipListSeparators();
                    if (AtEnd)
                    {
                        break;
                    }
                }

                var nameAt = _i;
                var name = ReadToken();
                if (name.Length == 0)
                {
                    throw Fail(nameAt + 1, $"expected a parameter name but found '{Peek}'.");
                }

                SkipSpaces();
                if (AtEnd || Peek != '=')
                {
                    if (first && (AtEnd || Peek == ','))
                    {
                        // A token68 (e.g. Negotiate's blob): kept under an empty name.
                        parameters[""] = name;
                        first = false;
                        continue;
                    }

                    if (!first)
                    {
                        // The next challenge's scheme.
                        _i = nameAt;
                        return new AuthenticationChallenge(scheme, parameters);
                    }

                    throw Fail(_i + 1, $"expected '=' after the parameter '{name}'.");
                }

                _i++;
                if (first && !AtEnd && Peek == '=')
                {
                    // A token68 with padding, as in "Basic abc==".
                    var padStart = _i - 1;
                    while (!AtEnd && Peek == '=')
                    {
                        _i++;
                    }

                    parameters[""] = name + text[padStart.._i];
                    first = false;
                    continue;
                }

                SkipSpaces();
                var valueAt = _i;
                string value;
                if (!AtEnd && Peek == '"')
                {
                    value = ReadQuoted();
                }
                else
                {
                    value = ReadToken();
                    if (value.Length == 0)
                    {
                        throw Fail(valueAt + 1, $"the parameter '{name}' has no value after '=' (expected a token or a quoted string).");
                    }
                }

                if (!parameters.TryAdd(name, value))
                {
                    throw Fail(nameAt + 1, $"the parameter '{name}' appears twice in one challenge.");
                }

                first = false;
            }

            return new AuthenticationChallenge(scheme, parameters);
        }

        private string ReadQuoted()
        {
            var open = _i;
            _i++;
            var value = new StringBuilder();
            while (!AtEnd)
            {
                var c = text[_i++];
                if (c == '"')
                {
                    return value.ToString();
                }

                if (c == '\\')
                {
                    if (AtEnd)
                    {
                        break;
                    }

                    c = text[_i++];
                }

                value.Append(c);
            }

            throw Fail(open + 1, "a quoted value opens '\"' here but never closes it.");
        }

        private string ReadToken()
        {
            var start = _i;
            while (!AtEnd && IsTokenChar(Peek))
            {
                _i++;
            }

            return text[start.._i];
        }

        private void SkipSpaces()
        {
            while (!AtEnd && Peek is ' ' or '\t')
            {
                _i++;
            }
        }

        private void SkipListSeparators()
        {
            while (!AtEnd && Peek is ' ' or '\t' or ',')
            {
                _i++;
            }
        }

        private static bool IsTokenChar(char c)
            => char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~' or '/' or ':';

        private RegistryChallengeException Fail(int position, string problem) => new(registry, text, position, problem);
    }
}

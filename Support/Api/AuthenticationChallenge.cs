using System.Text.RegularExpressions;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// One WWW-Authenticate challenge (RFC 9110 §11.6.1): scheme and auth-params, e.g.
/// <c>Bearer realm="rator", error="invalid_token"</c>. RFC 6750 §3 says which params a bearer challenge carries.
/// </summary>
public sealed partial record AuthenticationChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    public bool IsScheme(string scheme) => string.Equals(Scheme, scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses header values leniently: what cannot be read as a challenge is skipped, never thrown.</summary>
    public static IReadOnlyList<AuthenticationChallenge> ParseAll(IEnumerable<string> headerValues)
    {
        var challenges = new List<AuthenticationChallenge>();
        foreach (var value in headerValues)
        {
            string? scheme = null;
            Dictionary<string, string> parameters = new(StringComparer.OrdinalIgnoreCase);
            foreach (Match part in Part().Matches(value))
            {
                if (part.Groups["scheme"].Success)
                {
                    if (scheme is not null)
                    {
                        challenges.Add(new AuthenticationChallenge(scheme, parameters));
                    }

                    scheme = part.Groups["scheme"].Value;
                    parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }

                if (part.Groups["name"].Success && scheme is not null)
                {
                    var raw = part.Groups["quoted"].Success ? QuotedPair().Replace(part.Groups["quoted"].Value, "$1") : part.Groups["token"].Value;
                    parameters[part.Groups["name"].Value] = raw;
                }
            }

            if (scheme is not null)
            {
                challenges.Add(new AuthenticationChallenge(scheme, parameters));
            }
        }

        return challenges;
    }

    public override string ToString() =>
        Parameters.Count == 0 ? Scheme : $"{Scheme} {string.Join(", ", Parameters.Select(p => $"{p.Key}=\"{p.Value}\""))}";

    // A scheme is a token not followed by '='; a param is name=token or name="quoted".
    [GeneratedRegex(@"(?:^|,)\s*(?:(?<scheme>[A-Za-z0-9!#$%&'*+\-.^_`|~]+)(?![=A-Za-z0-9!#$%&'*+\-.^_`|~])\s*)?(?:(?<name>[A-Za-z0-9!#$%&'*+\-.^_`|~]+)\s*=\s*(?:""(?<quoted>(?:[^""\\]|\\.)*)""|(?<token>[^,\s]*)))?")]
    private static partial Regex Part();

    // RFC 9110 §5.6.4: a backslash makes the next character literal.
    [GeneratedRegex(@"\\(.)")]
    private static partial Regex QuotedPair();
}

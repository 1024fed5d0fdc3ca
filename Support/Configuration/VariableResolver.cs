using System.Text;
using System.Text.RegularExpressions;

namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// Replaces <c>${NAME}</c> references (anywhere in a string value) with process variables, collecting every missing
/// name instead of stopping at the first, so one run tells the user everything to set.
/// </summary>
internal sealed partial class VariableResolver(Func<string, string?> lookup)
{
    private readonly SortedDictionary<string, List<string>> missing = new(StringComparer.Ordinal);

    /// <summary>Missing variable name → the JSON paths that referenced it.</summary>
    public IReadOnlyDictionary<string, List<string>> Missing => missing;

    /// <summary>The values of variables that were resolved inside secret strings, so they are redacted on their own too.</summary>
    public List<LoadedSecret> ResolvedSecretParts { get; } = [];

    public string Resolve(string raw, string path, bool secret, Action<string> error)
    {
        if (!raw.Contains("${", StringComparison.Ordinal))
        {
            return raw;
        }

        var result = new StringBuilder();
        var position = 0;
        foreach (Match match in Reference().Matches(raw))
        {
            result.Append(raw, position, match.Index - position);
            position = match.Index + match.Length;
            var name = match.Groups["name"].Value;
            if (!match.Groups["close"].Success || !ValidName().IsMatch(name))
            {
                error($"{path}: malformed variable reference (expected ${{NAME}} with letters, digits and '_')");
                continue;
            }

            var value = lookup(name);
            if (string.IsNullOrEmpty(value))
            {
                if (!missing.TryGetValue(name, out var paths))
                {
                    missing[name] = paths = [];
                }

                paths.Add(path);
                continue;
            }

            if (secret)
            {
                ResolvedSecretParts.Add(new LoadedSecret($"${{{name}}}", value));
            }

            result.Append(value);
        }

        result.Append(raw, position, raw.Length - position);
        return result.ToString();
    }

    [GeneratedRegex(@"\$\{(?<name>[^}]*)(?<close>\})?")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ValidName();
}

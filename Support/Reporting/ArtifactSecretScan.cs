using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// The run's last line of defence: reads every file the run wrote and looks for the secret values
/// loaded for this run (raw, URL-encoded and Base64 forms) and for any token issued during the run.
/// Tokens are known only by their SHA-256 fingerprints, so no file ever has to hold them in clear:
/// token-like strings in the artifacts are hashed and compared.
/// </summary>
public static partial class ArtifactSecretScan
{
    public sealed record Finding(string File, string What);

    // Below this a "secret" would match ordinary words; the environment loader refuses such secrets anyway.
    private const int MinimumSecretLength = 6;

    public static IReadOnlyList<Finding> Scan(string directory, IEnumerable<(string Name, string Value)> secrets,
        IReadOnlySet<string> tokenFingerprints, IEnumerable<string>? extraFiles = null)
    {
        var needles = secrets
            .Where(s => s.Value.Length >= MinimumSecretLength)
            .SelectMany(s => Forms(s.Value).Select(form => (s.Name, Form: form)))
            .ToList();

        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            : [];
        var findings = new List<Finding>();
        foreach (var file in files.Concat(extraFiles ?? []).Where(File.Exists).Distinct())
        {
            var text = File.ReadAllText(file);
            var relative = Path.GetRelativePath(directory, file);
            foreach (var (name, form) in needles)
                if (text.Contains(form, StringComparison.Ordinal))
                    findings.Add(new Finding(relative, $"the value of secret '{name}'"));
            if (tokenFingerprints.Count > 0)
                foreach (Match candidate in TokenCandidate().Matches(text))
                    if (tokenFingerprints.Contains(Fingerprint(candidate.Value)))
                        findings.Add(new Finding(relative, "an access or refresh token issued during this run"));
        }
        return findings.Distinct().ToList();
    }

    public static string Fingerprint(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static IEnumerable<string> Forms(string value)
    {
        yield return value;
        var encoded = Uri.EscapeDataString(value);
        if (encoded != value)
            yield return encoded;
        var formEncoded = System.Net.WebUtility.UrlEncode(value);
        if (formEncoded != value && formEncoded != encoded)
            yield return formEncoded;
    }

    // Opaque tokens are UUIDs, hex, Base64 or Base64url, or JWTs: runs of these characters, long enough.
    [GeneratedRegex(@"[A-Za-z0-9\-_.~+/]{16,}=*")]
    private static partial Regex TokenCandidate();
}

using System.Buffers;
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
        IReadOnlySet<string> tokenFingerprints)
    {
        var needles = secrets
            .Where(s => s.Value.Length >= MinimumSecretLength)
            .SelectMany(s => Forms(s.Value).Select(form => (s.Name, Form: form)))
            .ToList();

        // One pass per file for every form of every secret (a vectorised multi-string search), not one per form.
        var search = needles.Count > 0 ? SearchValues.Create(needles.Select(n => n.Form).Distinct().ToArray(), StringComparison.Ordinal) : null;

        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            : [];
        // Files are independent and the run waits for this scan: read and search them on every core.
        var findings = new System.Collections.Concurrent.ConcurrentBag<Finding>();
        Parallel.ForEach(files, file =>
        {
            var text = File.ReadAllText(file).AsSpan();
            var relative = Path.GetRelativePath(directory, file);
            for (var offset = 0; search is not null && offset < text.Length;)
            {
                var found = text[offset..].IndexOfAny(search);
                if (found < 0)
                    break;
                offset += found;
                foreach (var (name, form) in needles)
                    if (text[offset..].StartsWith(form, StringComparison.Ordinal))
                        findings.Add(new Finding(relative, $"the value of secret '{name}'"));
                offset++;
            }
            if (tokenFingerprints.Count == 0)
                return;
            // The same string recurs (a report's scripts, an id in every file of a scenario): each is hashed once per file.
            var seen = new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var candidate in TokenCandidate().EnumerateMatches(text))
            {
                var value = text.Slice(candidate.Index, candidate.Length);
                if (seen.Add(value) && tokenFingerprints.Contains(Fingerprint(value)))
                    findings.Add(new Finding(relative, "an access or refresh token issued during this run"));
            }
        });
        return findings.Distinct().OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.What, StringComparer.Ordinal).ToList();
    }

    public static string Fingerprint(string token) => Fingerprint(token.AsSpan());

    private static string Fingerprint(ReadOnlySpan<char> token)
    {
        // Candidates are ASCII runs of at most a few kilobytes: hashed without allocating their bytes.
        Span<byte> utf8 = token.Length <= 4096 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(token.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(token.Length)];
        var length = Encoding.UTF8.GetBytes(token, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        return Convert.ToHexStringLower(hash);
    }

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

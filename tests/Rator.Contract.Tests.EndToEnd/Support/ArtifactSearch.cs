using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// An independent look for secrets in what a run leaves behind (it shares no code with the suite's own scan): the
/// secret values in every form of <see cref="SecretForms"/>, and full tokens, which are known only by the SHA-256
/// digests the run wrote to run/token-fingerprints.txt — so every token-like string is hashed and compared.
/// </summary>
public sealed partial class ArtifactSearch
{
    private readonly List<(string Secret, string Form, string Text)> needles = [];
    private readonly HashSet<string> tokenDigests;

    public ArtifactSearch(IEnumerable<string> tokenDigests)
    {
        this.tokenDigests = tokenDigests.Where(d => d.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public int TokenCount => tokenDigests.Count;

    public ArtifactSearch AddSecret(string name, string value, string? clientId = null)
    {
        needles.AddRange(SecretForms.Of(value, clientId).Select(f => (name, f.Form, f.Text)));
        return this;
    }

    /// <summary>What a text holds that it must not: "the Base64 form of primary client secret", "a token (sha256 ab12cd34…)".</summary>
    public IReadOnlyList<string> Find(string text)
    {
        var found = needles.Where(n => text.Contains(n.Text, StringComparison.Ordinal))
            .Select(n => $"the {n.Form} form of {n.Secret}").ToList();
        foreach (var candidate in TokenCandidates(text).Distinct(StringComparer.Ordinal))
        {
            var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)));
            if (tokenDigests.Contains(digest))
                found.Add($"a full token (sha256 {digest[..12]}…)");
        }

        return found.Distinct().ToList();
    }

    /// <summary>Every file under a folder, each with what it holds that it must not.</summary>
    public IReadOnlyList<string> FindInFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .SelectMany(file => Find(File.ReadAllText(file)).Select(what => $"{Path.GetRelativePath(folder, file)}: {what}"))
            .ToList();

    // Opaque tokens are Base64url, Base64, hex or UUIDs; JWTs are three Base64url parts joined by dots. A token may sit
    // next to other token characters ("/path/TOKEN", "x+TOKEN", "TOKEN." at the end of a sentence), so each maximal run
    // is also cut along the separators the alphabets do not share — and the text is tried URL-decoded too.
    private static IEnumerable<string> TokenCandidates(string text)
    {
        foreach (var source in new[] { text, SafeUrlDecode(text) })
            foreach (var pattern in new[] { WideRun(), Base64UrlRun(), Base64Run() })
                foreach (Match run in pattern.Matches(source))
                {
                    yield return run.Value;
                    yield return run.Value.TrimEnd('.');
                    foreach (var part in run.Value.Split('.', StringSplitOptions.RemoveEmptyEntries))
                        if (part.Length >= 16)
                            yield return part;
                }
    }

    private static string SafeUrlDecode(string text)
    {
        try
        {
            return WebUtility.UrlDecode(text);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9\-_.~+/]{16,}=*")]
    private static partial Regex WideRun();

    [GeneratedRegex(@"[A-Za-z0-9\-_]{16,}")]
    private static partial Regex Base64UrlRun();

    [GeneratedRegex(@"[A-Za-z0-9+/]{16,}={0,2}")]
    private static partial Regex Base64Run();
}

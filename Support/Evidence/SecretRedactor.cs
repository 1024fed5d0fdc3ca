using System.Collections.Immutable;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rator.Contract.Tests.Support.Evidence;

/// <summary>
/// The one redactor of a run (thread-safe): every sink — exchange renderings, failure messages, reports, ToString()
/// of models — passes text through it. It masks credentials by shape (Authorization headers, password/secret/token
/// fields in forms, queries and JSON) and by value (every secret loaded, every token issued, in raw, percent-encoded,
/// form-encoded, JSON-escaped and Base64 forms). Tokens become a keyed fingerprint, never a prefix or suffix, so
/// evidence can still show that two requests used the same token.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "«redacted»";

    /// <summary>Shorter values would turn ordinary words into masks; they are still masked by field name.</summary>
    public const int MinimumValueLength = 4;

    private static readonly string[] TokenFields = ["access_token", "refresh_token", "id_token", "token"];
    private static readonly string[] SensitiveHeaders = ["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key"];

    // A per-run key: a fingerprint cannot be checked against a guessed token outside this run.
    private readonly byte[] fingerprintKey = RandomNumberGenerator.GetBytes(32);
    private readonly Lock gate = new();
    private ImmutableHashSet<string> secrets = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
    private ImmutableHashSet<string> tokens = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
    private ImmutableArray<Regex> secretPatterns = [];
    // Escaping only lengthens a token, so a shorter word cannot be one: most words of an exchange are skipped unread.
    private int shortestToken = int.MaxValue;

    public int SecretCount => secrets.Count;
    public int TokenCount => tokens.Count;

    /// <summary>
    /// The lower-case hex SHA-256 of every token registered so far: what the run's artifact scan
    /// (Reporting/ArtifactSecretScan) compares token-like strings against, without any file holding a token.
    /// </summary>
    public IReadOnlyCollection<string> TokenDigests() =>
        tokens.Select(t => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(t)))).ToList();

    /// <summary>Every token registered so far, raw: only for building commands that replace them (Evidence/CurlCommand).</summary>
    internal IReadOnlyCollection<string> RegisteredTokens => tokens;

    /// <summary>True when the text holds a registered secret (in any encoded form) or token: redaction by value would change it.</summary>
    public bool HoldsRegisteredValue(string text)
    {
        foreach (var pattern in secretPatterns)
        {
            if (pattern.IsMatch(text))
            {
                return true;
            }
        }

        var knownTokens = tokens;
        return TokenCandidate().Matches(text).Any(m => RedactTokenCandidate(m.Value, knownTokens) != m.Value)
            || Base64Candidate().Matches(text).Any(m => ContainsSecretWhenDecoded(m.Value, secretPatterns));
    }

    /// <summary>Registers a secret value (client secret, password): masked wherever and however it appears.</summary>
    public void RegisterSecret(string? value)
    {
        // The loader and every client register the run's secrets: a known one costs no pattern build.
        if (string.IsNullOrEmpty(value) || value.Length < MinimumValueLength || secrets.Contains(value))
        {
            return;
        }

        // One pattern per secret, built once: a single alternation would be rebuilt on every registration. Interpreted:
        // compiling fifteen patterns costs a run more at its start (~150 ms) than it saves over its exchanges.
        var pattern = new Regex(EncodedForms(value), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        lock (gate)
        {
            if (!secrets.Contains(value))
            {
                secrets = secrets.Add(value);
                // Longest first: where two secrets start at the same place, the longer one is masked whole.
                secretPatterns = [.. secretPatterns.Append(pattern).OrderByDescending(p => p.ToString().Length)];
            }
        }
    }

    /// <summary>Registers a token value seen in a token response: replaced by its fingerprint wherever it appears.</summary>
    public void RegisterToken(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < MinimumValueLength)
        {
            return;
        }

        if (!B64Token().IsMatch(value))
        {
            // Outside RFC 6750's b64token syntax a token cannot be found as a word; mask it like a secret.
            RegisterSecret(value);
            return;
        }

        lock (gate)
        {
            tokens = tokens.Add(value);
            shortestToken = Math.Min(shortestToken, value.Length);
        }
    }

    /// <summary>A short keyed hash naming a token without revealing any of it: <c>«token:ab12cd34»</c>.</summary>
    public string Fingerprint(string token)
    {
        var hash = HMACSHA256.HashData(fingerprintKey, Encoding.UTF8.GetBytes(token));
        return $"«token:{Convert.ToHexStringLower(hash.AsSpan(0, 4))}»";
    }

    /// <summary>Masks a header value by the header's name, then by content.</summary>
    public string RedactHeader(string name, string? value)
    {
        value ??= "";
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
        {
            return RedactAuthorization(value);
        }

        return SensitiveHeaders.Contains(name, StringComparer.OrdinalIgnoreCase) && value.Length > 0 ? Mask : Redact(value);
    }

    /// <summary>
    /// An Authorization value with its scheme kept (the scheme's casing is evidence, RS-02):
    /// <c>Basic «redacted»</c>, <c>Bearer «token:ab12cd34»</c>.
    /// </summary>
    public string RedactAuthorization(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return value;
        }

        var space = trimmed.IndexOfAny([' ', '\t']);
        if (space < 0)
        {
            return SchemeOnly().IsMatch(trimmed) && IsKnownScheme(trimmed) ? value : Mask; // as it was: the scheme alone is no credential
        }

        var scheme = trimmed[..space];
        var credentials = trimmed[(space + 1)..].Trim();
        if (!SchemeOnly().IsMatch(scheme))
        {
            return Mask;
        }

        if (credentials.StartsWith('«') && credentials.EndsWith('»'))
        {
            return trimmed; // already redacted
        }

        if (ShellVariable().IsMatch(credentials))
        {
            return trimmed; // a reproduction command's "$RATOR_ACCESS_TOKEN": a name, not a credential
        }

        return scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            ? $"{scheme} {Fingerprint(credentials)}"
            : $"{scheme} {Mask}";
    }

    /// <summary>Masks every credential in free text: headers, URLs, form bodies, JSON, exception messages.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var result = AuthorizationLine().Replace(text, m => m.Groups["name"].Value + m.Groups["sep"].Value + RedactAuthorization(m.Groups["value"].Value));
        result = SchemeCredentials().Replace(result, m =>
        {
            var basic = m.Groups["scheme"].Value.Equals("Basic", StringComparison.OrdinalIgnoreCase);
            var credentials = m.Groups["credentials"].Value;
            // Prose ("a Basic challenge", "the Bearer authentication") keeps its words; only a credential is masked.
            if (!(basic ? LooksLikeBasicCredentials(credentials) : LooksLikeBearerToken(credentials)))
                return m.Value;
            return m.Groups["scheme"].Value + m.Groups["space"].Value + (basic ? Mask : Fingerprint(credentials));
        });
        result = CurlUser().Replace(result, m => ShellReference().IsMatch(m.Groups["secret"].Value)
            ? m.Value
            : m.Value[..(m.Groups["secret"].Index - m.Index)] + Mask);
        result = FormField().Replace(result, RedactFormField);
        result = JsonField().Replace(result, RedactJsonField);

        var knownTokens = tokens;
        if (!knownTokens.IsEmpty && HasCandidateOfLength(TokenCandidate(), result, shortestToken))
        {
            var shortest = shortestToken;
            result = TokenCandidate().Replace(result, m => m.Length < shortest ? m.Value : RedactTokenCandidate(m.Value, knownTokens));
        }

        var patterns = secretPatterns;
        if (!patterns.IsEmpty)
        {
            foreach (var pattern in patterns)
            {
                result = pattern.Replace(result, Mask);
            }

            result = Base64Candidate().Replace(result, m => ContainsSecretWhenDecoded(m.Value, patterns) ? Mask : m.Value);
        }

        return result;
    }

    /// <summary>True when redaction would change nothing: no credential field, header, registered secret or token.</summary>
    public bool IsClean(string? text) => string.Equals(Redact(text), text ?? "", StringComparison.Ordinal);

    private string RedactFormField(Match match)
    {
        var name = match.Groups["name"].Value;
        var value = match.Groups["value"].Value;
        if (value.Length == 0 || value.StartsWith('«'))
        {
            return match.Value;
        }

        var masked = TokenFields.Contains(name, StringComparer.OrdinalIgnoreCase) ? Fingerprint(FormDecode(value)) : Mask;
        return match.Value[..(match.Groups["value"].Index - match.Index)] + masked;
    }

    private string RedactJsonField(Match match)
    {
        var name = match.Groups["name"].Value;
        var value = match.Groups["value"];
        if (value.Length == 0 || value.Value.StartsWith('«'))
        {
            return match.Value;
        }

        var masked = TokenFields.Contains(name, StringComparer.OrdinalIgnoreCase) ? Fingerprint(JsonUnescape(value.Value)) : Mask;
        var start = value.Index - match.Index;
        return match.Value[..start] + masked + match.Value[(start + value.Length)..];
    }

    private string RedactTokenCandidate(string candidate, ImmutableHashSet<string> knownTokens)
    {
        var unescaped = candidate.Replace("\\/", "/", StringComparison.Ordinal);
        if (knownTokens.Contains(unescaped))
        {
            return Fingerprint(unescaped);
        }

        // A token ending a sentence keeps its full stop.
        var trimmed = unescaped.TrimEnd('.');
        if (trimmed.Length != unescaped.Length && knownTokens.Contains(trimmed))
        {
            return Fingerprint(trimmed) + unescaped[trimmed.Length..];
        }

        if (unescaped.Contains('%') && FormDecode(unescaped) is var decoded && knownTokens.Contains(decoded))
        {
            return Fingerprint(decoded);
        }

        return candidate;
    }

    private static bool HasCandidateOfLength(Regex candidates, string text, int length)
    {
        foreach (var match in candidates.EnumerateMatches(text))
        {
            if (match.Length >= length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsSecretWhenDecoded(string candidate, ImmutableArray<Regex> patterns)
    {
        // Base64url is tried too, but only when it reads differently: most words hold no '-' or '_'.
        var standard = candidate.Replace('-', '+').Replace('_', '/');
        foreach (var alphabet in standard == candidate ? new[] { candidate } : new[] { candidate, standard })
        {
            var padded = alphabet.TrimEnd('=');
            padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
            var buffer = new byte[padded.Length];
            if (Convert.TryFromBase64String(padded, buffer, out var written))
            {
                var decoded = Encoding.UTF8.GetString(buffer, 0, written);
                if (patterns.Any(p => p.IsMatch(decoded)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// One pattern matching the value with each character raw, percent-encoded, form-encoded (space as '+'),
    /// JSON-escaped or as an HTML entity — in any mix, since encoders differ in what they escape.
    /// </summary>
    private static string EncodedForms(string value)
    {
        var pattern = new StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            var text = rune.ToString();
            var bytes = Encoding.UTF8.GetBytes(text);
            var alternatives = new List<string>
            {
                Regex.Escape(text),
                string.Concat(bytes.Select(b => $"%{b:X2}")),
            };
            if (rune.IsBmp)
            {
                alternatives.Add($@"\\u{rune.Value:X4}");
            }

            alternatives.Add($"&#{rune.Value};");
            alternatives.Add($"&#x{rune.Value:X};");

            alternatives.AddRange(rune.Value switch
            {
                ' ' => [@"\+"],
                '"' => [@"\\""", "&quot;"],
                '\\' => [@"\\\\"],
                '/' => [@"\\/"],
                '&' => ["&amp;"],
                '<' => ["&lt;"],
                '>' => ["&gt;"],
                _ => [],
            });
            pattern.Append("(?:").AppendJoin('|', alternatives.Distinct()).Append(')');
        }

        return pattern.ToString();
    }

    private static string JsonUnescape(string value)
    {
        try
        {
            return JsonSerializer.Deserialize<string>($"\"{value}\"") ?? value;
        }
        catch (JsonException)
        {
            return value;
        }
    }

    private static string FormDecode(string value)
    {
        try
        {
            return WebUtility.UrlDecode(value);
        }
        catch (ArgumentException)
        {
            return value;
        }
    }

    /// <summary>Base64 of "id:secret", or at least a word no dictionary has (a digit, '+', '/', '=').</summary>
    private static bool LooksLikeBasicCredentials(string word)
    {
        if (word.IndexOfAny(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '/', '=']) >= 0)
            return true;
        var buffer = new byte[word.Length];
        return word.Length % 4 == 0 && Convert.TryFromBase64String(word, buffer, out var written)
            && Encoding.UTF8.GetString(buffer, 0, written).Contains(':');
    }

    /// <summary>
    /// A token rather than a word: it holds a digit, an inner capital ("eyJhbGciOi"), or token punctuation inside a
    /// long word (a JWT's dots, Base64url's '-' and '_'). "Bearer authentication." is a sentence.
    /// </summary>
    private static bool LooksLikeBearerToken(string word)
    {
        var core = word.TrimEnd('.');
        if (core.Any(char.IsAsciiDigit) || core.Skip(1).Any(char.IsAsciiLetterUpper))
            return true;
        return core.Length >= 20 && core.IndexOfAny(['-', '.', '_', '~', '+', '/', '=']) >= 0;
    }

    private static bool IsKnownScheme(string word) =>
        word.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || word.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^[A-Za-z0-9\-._~+/]+=*$")]
    private static partial Regex B64Token();

    // curl's "-u id:secret" / "--user id:secret": the part after the first colon is a client secret or a password.
    [GeneratedRegex(@"(?<=(?:^|\s)(?:-u|--user)\s*['""]?)[^\s:'""]*:(?<secret>[^\s'""]+)")]
    private static partial Regex CurlUser();

    [GeneratedRegex(@"^(?:[^$]*\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\}))+$")]
    private static partial Regex ShellReference();

    [GeneratedRegex(@"^\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})$")]
    private static partial Regex ShellVariable();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9\-_]{0,31}$")]
    private static partial Regex SchemeOnly();

    [GeneratedRegex(@"(?<name>\b(?:Proxy-)?Authorization)(?<sep>""?\s*[:=]\s*""?)(?<value>[^\r\n""'<>]*)", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationLine();

    // A scheme followed by credentials, not by auth-params (Bearer realm="...", error="...").
    [GeneratedRegex(@"\b(?<scheme>Basic|Bearer)(?<space>\s+)(?<credentials>(?!«)[A-Za-z0-9\-._~+/]{8,}=*)(?![A-Za-z0-9\-._~+/=""])", RegexOptions.IgnoreCase)]
    private static partial Regex SchemeCredentials();

    [GeneratedRegex(@"(?<=^|[?&;\s,({\[])(?<name>password|passwd|client_secret|secret|api_key|apikey|assertion|access_token|refresh_token|id_token|token)=(?<value>[^&\s#;,""'<>]*)", RegexOptions.IgnoreCase)]
    private static partial Regex FormField();

    [GeneratedRegex(@"""(?<name>password|passwd|client_secret|secret|api_key|apikey|assertion|access_token|refresh_token|id_token|token)""\s*:\s*""(?<value>(?:[^""\\]|\\.)*)""", RegexOptions.IgnoreCase)]
    private static partial Regex JsonField();

    [GeneratedRegex(@"(?:[A-Za-z0-9\-._~+/%]|\\/)+=*")]
    private static partial Regex TokenCandidate();

    [GeneratedRegex(@"[A-Za-z0-9+/\-_]{8,}={0,2}")]
    private static partial Regex Base64Candidate();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Rator.Bench;

/// <summary>
/// One HTTP exchange as the suite rendered it in run/scenarios.ndjson (Support/Evidence/HttpExchange.Render):
/// the description line, "> " request lines, "< " response lines. Secrets read «redacted» and tokens
/// «token:fingerprint»; <see cref="ReplayRequest"/> puts real values back.
/// </summary>
public sealed partial record RecordedExchange(
    string Description,
    string Method,
    string Url,
    IReadOnlyList<(string Name, string Value)> Headers,
    string? Body,
    int? Status,
    TimeSpan? Duration,
    string ResponseBody)
{
    public static RecordedExchange Parse(string content, string title)
    {
        var lines = content.Split('\n');
        var request = lines.Skip(1).TakeWhile(l => l.StartsWith('>')).Select(l => l.Length > 1 ? l[2..] : "").ToList();
        var response = lines.Skip(1 + request.Count).TakeWhile(l => l.StartsWith('<')).Select(l => l.Length > 1 ? l[2..] : "").ToList();

        var requestLine = request[0].Split(' ', 2);
        var blank = request.IndexOf("");
        var headerLines = request.Skip(1).Take((blank < 0 ? request.Count : blank) - 1);
        var headers = headerLines.Select(h => h.Split(": ", 2)).Select(p => (p[0], p.Length > 1 ? p[1] : "")).ToList();
        var body = blank < 0 ? null : RestoreLength(request.Skip(blank + 1).ToList());

        int? status = response.Count > 0 && StatusLine().Match(response[0]) is { Success: true } s
            ? int.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;
        var responseBlank = response.IndexOf("");
        var responseBody = responseBlank < 0 ? "" : string.Join("\n", response.Skip(responseBlank + 1));
        TimeSpan? duration = TitleDuration().Match(title) is { Success: true } d
            ? TimeSpan.FromMilliseconds(int.Parse(d.Groups[1].Value, CultureInfo.InvariantCulture))
            : null;
        return new RecordedExchange(lines[0], requestLine[0], requestLine[1], headers, body, status, duration, responseBody);
    }

    /// <summary>Fingerprints of the tokens this exchange's response issued, by JSON field.</summary>
    public IEnumerable<(string Field, string Fingerprint)> IssuedTokens() =>
        IssuedToken().Matches(ResponseBody).Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    /// <summary>Bodies over the rendering limit end with "… (N more characters)": padded back to their length.</summary>
    private static string RestoreLength(List<string> bodyLines)
    {
        if (bodyLines.Count > 0 && MoreCharacters().Match(bodyLines[^1]) is { Success: true } more)
        {
            var missing = int.Parse(more.Groups[1].Value, CultureInfo.InvariantCulture);
            var kept = string.Join("\n", bodyLines.Take(bodyLines.Count - 1));
            return kept + new string('X', missing);
        }
        return string.Join("\n", bodyLines);
    }

    [GeneratedRegex(@"^(\d{3})\b")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"\((\d+) ms[,)]")]
    private static partial Regex TitleDuration();

    [GeneratedRegex(@"^… \((\d+) more characters\)$")]
    private static partial Regex MoreCharacters();

    [GeneratedRegex("\"(access_token|refresh_token)\"\\s*:\\s*\"«token:(\\w+)»\"")]
    private static partial Regex IssuedToken();
}

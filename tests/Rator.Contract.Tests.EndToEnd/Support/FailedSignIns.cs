using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// The failed sign-ins a run sent, per account and scenario, counted from the exchanges it recorded (run/scenarios.ndjson,
/// the redacted evidence every report is built from): a password or operator grant naming a username, refused with
/// invalid_grant (a wrong password, a locked account) or throttled with 429 (unless the throttle is the client's,
/// invalid_client). A made-up username is no account: only the usernames given are counted.
/// </summary>
public static partial class FailedSignIns
{
    /// <summary>(scenario, username) → failed sign-ins.</summary>
    public static IReadOnlyDictionary<(string Scenario, string Username), int> Count(string reportDir, IReadOnlySet<string> accounts)
    {
        var counts = new Dictionary<(string, string), int>();
        foreach (var line in File.ReadLines(Path.Combine(reportDir, "run", "scenarios.ndjson")).Where(l => l.Length > 0))
        {
            using var result = JsonDocument.Parse(line);
            var scenario = result.RootElement.GetProperty("testName").GetString()!;
            foreach (var evidence in result.RootElement.GetProperty("evidence").EnumerateArray())
            {
                var exchange = evidence.GetProperty("content").GetString()!;
                if (Request().Match(exchange) is not { Success: true } request || !request.Value.Contains("/oauth/token", StringComparison.Ordinal))
                    continue;
                var sent = exchange[..Math.Max(0, exchange.IndexOf("\n<", StringComparison.Ordinal))];
                if (!SignInGrant().IsMatch(sent) || Username().Match(sent) is not { Success: true } username)
                    continue;
                var status = Status().Match(exchange);
                var answer = exchange[sent.Length..];
                var refused = status.Success && (answer.Contains("\"invalid_grant\"", StringComparison.Ordinal)
                                                 || (status.Groups["code"].Value == "429" && !answer.Contains("\"invalid_client\"", StringComparison.Ordinal)));
                var account = WebUtility.UrlDecode(username.Groups["name"].Value);
                if (!refused || !accounts.Contains(account))
                    continue;
                var key = (scenario, account);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }

    [GeneratedRegex(@"^> (GET|POST) \S+", RegexOptions.Multiline)]
    private static partial Regex Request();

    [GeneratedRegex(@"grant_type=(password|operator_password)\b")]
    private static partial Regex SignInGrant();

    [GeneratedRegex(@"[?&\s]username=(?<name>[^&\s']+)")]
    private static partial Regex Username();

    [GeneratedRegex(@"^< (?<code>[0-9]{3})", RegexOptions.Multiline)]
    private static partial Regex Status();
}

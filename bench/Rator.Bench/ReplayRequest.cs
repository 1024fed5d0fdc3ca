using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rator.Bench;

/// <summary>
/// Turns a recorded exchange back into the same request (method, URL, headers, body) for another sandbox:
/// the target's address swapped, «token:…» fingerprints replaced by the tokens this replay received for them,
/// «redacted» secrets replaced by the fixtures' values — a wrong value where the suite's exchange was refused,
/// so that the sandbox does the same work (a refused secret always pays the full hash).
/// </summary>
public sealed partial class ReplayRequest(Uri target, FixtureSecrets secrets)
{
    private readonly Dictionary<string, string> tokens = new(StringComparer.Ordinal);

    public HttpRequestMessage Build(RecordedExchange exchange)
    {
        var refused = exchange.Status is null or >= 400;
        var badClient = exchange.Status == 401 && exchange.ResponseBody.Contains("invalid_client", StringComparison.Ordinal);
        var url = Authority().Replace(exchange.Url, target.GetLeftPart(UriPartial.Authority), 1);
        var query = url.Contains('?') ? url[(url.IndexOf('?') + 1)..] : "";
        var form = exchange.Body ?? "";

        url = Restore(url, query + "&" + form, refused, badClient, escape: true);
        var request = new HttpRequestMessage(new HttpMethod(exchange.Method), url);
        if (exchange.Body is not null)
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Restore(exchange.Body, query + "&" + form, refused, badClient, escape: true)));
        foreach (var (name, value) in exchange.Headers)
        {
            var restored = name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && value.StartsWith("Basic «redacted»", StringComparison.OrdinalIgnoreCase)
                ? value[..6] + Basic(exchange.Description, badClient)
                : Restore(value, "", refused, badClient, escape: false);
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
                request.Content?.Headers.TryAddWithoutValidation(name, restored);
            else
                request.Headers.TryAddWithoutValidation(name, restored);
        }
        return request;
    }

    /// <summary>Remembers the real tokens a replayed response issued under the fingerprints the suite recorded.</summary>
    public void Learn(RecordedExchange exchange, string responseBody)
    {
        var issued = exchange.IssuedTokens().ToList();
        if (issued.Count == 0) return;
        try
        {
            using var json = JsonDocument.Parse(responseBody);
            foreach (var (field, fingerprint) in issued)
                if (json.RootElement.TryGetProperty(field, out var value) && value.GetString() is { } token)
                    tokens[fingerprint] = token;
        }
        catch (JsonException)
        {
            // The replay was refused where the suite got a token: later uses of that token stay unknown.
        }
    }

    private string Restore(string text, string parameters, bool refused, bool badClient, bool escape)
    {
        text = Token().Replace(text, m => tokens.TryGetValue(m.Groups[1].Value, out var t) ? (escape ? Uri.EscapeDataString(t) : t) : "unknown-" + m.Groups[1].Value);
        text = PasswordParameter().Replace(text, m =>
        {
            var user = Parameter(parameters, "username") ?? "";
            var password = secrets.Password(user);
            return m.Groups[1].Value + Uri.EscapeDataString(refused ? "wrong-" + password : password);
        });
        text = ClientSecretParameter().Replace(text, m =>
        {
            var secret = secrets.ClientSecret(Parameter(parameters, "client_id") ?? FixtureSecrets.PrimaryClient);
            return m.Groups[1].Value + Uri.EscapeDataString(badClient ? "wrong-" + secret : secret);
        });
        return text.Replace("«redacted»", "redacted", StringComparison.Ordinal);
    }

    private string Basic(string description, bool badClient)
    {
        var match = BasicClient().Match(description);
        var clientId = match.Success ? match.Groups[1].Value : FixtureSecrets.PrimaryClient;
        var secret = secrets.ClientSecret(clientId);
        if (badClient) secret = "wrong-" + secret;
        var encoded = match.Success && match.Groups[2].Success
            ? clientId + ":" + secret
            : FormEscape(clientId) + ":" + FormEscape(secret);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(encoded));
    }

    private static string FormEscape(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    private static string? Parameter(string parameters, string name) =>
        parameters.Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[0] == name)
            .Select(p => Uri.UnescapeDataString(p[1].Replace('+', ' '))).FirstOrDefault();

    [GeneratedRegex("^https?://[^/]+")]
    private static partial Regex Authority();

    [GeneratedRegex(@"«token:(\w+)»")]
    private static partial Regex Token();

    [GeneratedRegex(@"((?:^|[?&])password=)«redacted»")]
    private static partial Regex PasswordParameter();

    [GeneratedRegex(@"((?:^|[?&])client_secret=)«redacted»")]
    private static partial Regex ClientSecretParameter();

    [GeneratedRegex(@"(\S+) by Basic( without RFC 6749 encoding)?")]
    private static partial Regex BasicClient();
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Rator.Contract.Tests.Support.Evidence;

/// <summary>
/// A copy-paste bash command that sends a recorded request again: method, URL, headers and body as sent, except that
/// every secret and token is a shell variable reference (<see cref="ShellVariables"/>; a token becomes
/// <c>RATOR_ACCESS_TOKEN</c> or <c>RATOR_REFRESH_TOKEN</c>, with the line that gets a fresh one). The command starts by
/// checking that each variable it needs is set, naming what to set it to. Built from the raw capture by
/// <see cref="ExchangeRecorder"/>, which refuses to hand out a command that still holds a secret or token.
/// </summary>
public static partial class CurlCommand
{
    // Headers curl derives from what it sends (or the connection): repeating them would contradict it.
    private static readonly string[] DerivedHeaders = ["Host", "Content-Length", "Transfer-Encoding", "Connection", "Expect"];

    // Byte-wise percent-encoding in plain bash, for a secret that was sent URL- or form-encoded (RFC 6749 §2.3.1).
    private const string UrlEncodeFunction =
        "rator_urlencode() { local LC_ALL=C s=\"$1\" i c; for ((i = 0; i < ${#s}; i++)); do c=\"${s:i:1}\"; " +
        "case \"$c\" in [A-Za-z0-9.~_-]) printf '%s' \"$c\" ;; *) printf '%%%02X' \"'$c\" ;; esac; done; }";

    private abstract record Part;
    private sealed record Literal(string Text) : Part;
    private sealed record Reference(string Name, bool UrlEncoded) : Part;

    private sealed record Needle(string Text, string Name, bool UrlEncoded);

    /// <param name="exchange">The raw capture to re-send.</param>
    /// <param name="earlier">The scenario's raw captures before it, where the tokens it sends were issued.</param>
    /// <param name="tokens">Every token issued in the run, raw.</param>
    /// <param name="transport">The options that reach the deployment as the run did (CA, client certificate, proxy); none when null.</param>
    public static string Build(CapturedExchange exchange, int sequence, IReadOnlyList<CapturedExchange> earlier,
        ShellVariables variables, IReadOnlyCollection<string> tokens, CurlTransport? transport = null)
    {
        var needs = new Dictionary<string, string>(StringComparer.Ordinal);
        var needles = new List<Needle>();
        foreach (var variable in variables.All)
            AddNeedles(needles, variable.Value, variable.Name);

        var sent = Sent(exchange);
        var tokenNames = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in tokens.Where(t => sent.Contains(t, StringComparison.Ordinal) || sent.Contains(WebUtility.UrlEncode(t), StringComparison.Ordinal))
                     .OrderByDescending(t => t.Length))
        {
            var (kind, source) = Issuer(token, earlier);
            var count = tokenNames[kind] = tokenNames.GetValueOrDefault(kind) + 1;
            var name = count == 1 ? $"RATOR_{kind}" : $"RATOR_{kind}_{count}";
            needles.Add(new Needle(token, name, false));
            if (WebUtility.UrlEncode(token) is var encoded && encoded != token)
                needles.Add(new Needle(encoded, name, true));
            var field = kind == "REFRESH_TOKEN" ? "refresh_token" : "access_token";
            needs[name] = source is null
                ? $"set {name} to a current {field.Replace('_', ' ')} of the same client and user (a token request issues one)"
                : $"set {name} to the {field} that exchange #{source.Value + 1} of this scenario returned (or a fresh one: its request again)";
        }

        needles = [.. needles.OrderByDescending(n => n.Text.Length)];
        var lines = new List<string>();
        var outcome = exchange.StatusCode is { } status ? status.ToString(CultureInfo.InvariantCulture) : "no response";
        lines.Add($"# Re-sends exchange #{sequence} ({Comment(exchange.Purpose)}); the run got: {outcome}.");

        var arguments = new List<string> { "curl -sS -i" };
        var hasBody = exchange.RequestBody is { Length: > 0 };
        var sendsBody = hasBody || exchange.Method is "POST" or "PUT" or "PATCH";
        if (!(exchange.Method == "GET" && !sendsBody) && !(exchange.Method == "POST" && sendsBody))
            arguments.Add("-X " + Quote(exchange.Method));
        arguments.Add(Render(Substitute(exchange.Url, needles, variables, needs)));
        var url = new Uri(exchange.Url);
        foreach (var (option, value) in (transport ?? CurlTransport.None).For(url))
            arguments.Add(value is null ? option : $"{option} {Render(Substitute(value, needles, variables, needs))}");

        var contentType = false;
        foreach (var (name, value) in exchange.RequestHeaders)
        {
            if (DerivedHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
                continue;
            contentType |= name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase);
            arguments.Add(Header(name, value, needles, variables, needs));
        }

        if (sendsBody)
        {
            // curl would add a form Content-Type of its own to a body sent without one.
            if (!contentType)
                arguments.Add("-H 'Content-Type:'");
            arguments.Add("--data-raw " + Render(Substitute(exchange.RequestBody ?? "", needles, variables, needs)));
        }

        if ((transport ?? CurlTransport.None).ProxyCredentialsNote(url) is { } note)
            lines.Add(note);
        if (needs.Count > 0)
            lines.Add("# Needs: " + string.Join(", ", needs.Keys) + ".");
        foreach (var (name, hint) in needs)
            lines.Add($": \"${{{name}:?{Comment(hint).Replace("}", ")", StringComparison.Ordinal)}}}\"");
        var command = string.Join(" \\\n  ", arguments);
        if (command.Contains("rator_urlencode", StringComparison.Ordinal))
            lines.Add(UrlEncodeFunction);
        lines.Add(command);
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>Everything of the request a token could be in.</summary>
    private static string Sent(CapturedExchange exchange) =>
        string.Join("\n", [exchange.Url, .. exchange.RequestHeaders.Select(h => h.Value), exchange.RequestBody ?? ""]);

    /// <summary>Whether the token is an access or a refresh token, and which earlier exchange's answer issued it.</summary>
    private static (string Kind, int? Source) Issuer(string token, IReadOnlyList<CapturedExchange> earlier)
    {
        for (var i = earlier.Count - 1; i >= 0; i--)
        {
            var body = earlier[i].ResponseBody ?? "";
            foreach (Match field in TokenField().Matches(body))
                if (field.Groups["value"].Value.Replace("\\/", "/", StringComparison.Ordinal) == token)
                    return (field.Groups["name"].Value == "refresh_token" ? "REFRESH_TOKEN" : "ACCESS_TOKEN", i);
        }

        return ("ACCESS_TOKEN", null);
    }

    private static void AddNeedles(List<Needle> needles, string value, string name)
    {
        needles.Add(new Needle(value, name, false));
        foreach (var encoded in new[] { Uri.EscapeDataString(value), WebUtility.UrlEncode(value) }.Distinct())
            if (encoded != value)
                needles.Add(new Needle(encoded, name, true));
    }

    private static string Header(string name, string value, List<Needle> needles, ShellVariables variables, Dictionary<string, string> needs)
    {
        // Basic credentials are Base64 of "id:secret": replaced inside, then encoded again by curl (-u) or base64.
        var basic = BasicCredentials().Match(value);
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && basic.Success && TryDecode(basic.Groups["credentials"].Value) is { } decoded)
        {
            var inner = Substitute(decoded, needles, variables, needs);
            if (basic.Groups["scheme"].Value == "Basic" && decoded.Contains(':') && inner.Any(p => p is Reference))
                return "-u " + Render(inner);
            return $"-H {Render([new Literal($"{name}: {basic.Groups["scheme"].Value} ")])}\"$(printf '%s' {Render(inner)} | base64 | tr -d '\\n')\"";
        }

        return "-H " + Render(Substitute($"{name}: {value}", needles, variables, needs));
    }

    private static string? TryDecode(string base64)
    {
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
            return null;
        var text = Encoding.UTF8.GetString(buffer, 0, written);
        // A value that does not survive a round trip (binary junk of a malformed-credentials case) is sent as it was.
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) == base64 ? text : null;
    }

    private static List<Part> Substitute(string text, List<Needle> needles, ShellVariables variables, Dictionary<string, string> needs)
    {
        var parts = new List<Part>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var needle = needles.FirstOrDefault(n => string.CompareOrdinal(text, i, n.Text, 0, n.Text.Length) == 0);
            if (needle is null)
            {
                literal.Append(text[i++]);
                continue;
            }

            if (literal.Length > 0)
                parts.Add(new Literal(literal.ToString()));
            literal.Clear();
            parts.Add(new Reference(needle.Name, needle.UrlEncoded));
            if (!needs.ContainsKey(needle.Name))
                needs[needle.Name] = variables.All.FirstOrDefault(v => v.Name == needle.Name)?.Hint ?? $"set {needle.Name}";
            i += needle.Text.Length;
        }

        if (literal.Length > 0)
            parts.Add(new Literal(literal.ToString()));
        return parts;
    }

    /// <summary>One shell word: literals single-quoted, references double-quoted (so nothing else is expanded).</summary>
    private static string Render(IReadOnlyList<Part> parts) => parts.Count == 0
        ? "''"
        : string.Concat(parts.Select(p => p switch
        {
            Literal l => Quote(l.Text),
            Reference { UrlEncoded: true } r => $"\"$(rator_urlencode \"${{{r.Name}}}\")\"",
            Reference r => $"\"${{{r.Name}}}\"",
            _ => throw new InvalidOperationException(),
        }));

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Text fit for a comment or a ${NAME:?message}: one line, nothing the shell expands.</summary>
    private static string Comment(string text) => UnsafeInComment().Replace(text.ReplaceLineEndings(" "), "_");

    [GeneratedRegex(@"^(?<scheme>[Bb][Aa][Ss][Ii][Cc])\s+(?<credentials>[A-Za-z0-9+/]+=*)\s*$")]
    private static partial Regex BasicCredentials();

    [GeneratedRegex(@"""(?<name>access_token|refresh_token)""\s*:\s*""(?<value>[^""]*)""")]
    private static partial Regex TokenField();

    [GeneratedRegex(@"[`$""\\]")]
    private static partial Regex UnsafeInComment();
}

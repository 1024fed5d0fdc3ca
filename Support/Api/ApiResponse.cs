using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// Whatever came back, for a step to judge: status, headers, raw body, timing, and the body read as a token
/// response, an OAuth error or JSON when it is one. Never throws on garbage and never asserts; when nothing came
/// back, <see cref="TransportError"/> says why. Its text forms are redacted.
/// </summary>
public sealed partial class ApiResponse
{
    private readonly SecretRedactor redactor;

    internal ApiResponse(
        string purpose, int? statusCode, string? reasonPhrase, ResponseHeaders headers, string? body,
        TimeSpan duration, int attempts, TransportFailure failure, string? transportError, SecretRedactor redactor)
    {
        this.redactor = redactor;
        Purpose = purpose;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Headers = headers;
        Body = body ?? "";
        Duration = duration;
        Attempts = attempts;
        TransportFailure = failure;
        TransportError = transportError;
        ContentType = headers["Content-Type"]?.Split(';')[0].Trim().ToLowerInvariant();
        (BodyShape, BodyDescription, Json) = Classify(Body, ContentType);
        if (Json is { ValueKind: JsonValueKind.Object } json)
        {
            Token = json.TryGetProperty("access_token", out _) ? new TokenResponse(json, redactor) : null;
            Error = json.TryGetProperty("error", out _) ? new OAuthError(json, redactor) : null;
        }
    }

    /// <summary>
    /// An answer as a deployment could have sent it, for judging without a network: the suite's own tests hold every
    /// judgement to the answers the catalogue accepts. Nothing here is a secret, so nothing is redacted.
    /// </summary>
    public static ApiResponse Received(int status, string body = "", IEnumerable<KeyValuePair<string, string>>? headers = null,
        string purpose = "a synthetic answer", string? reasonPhrase = null, TimeSpan? duration = null) =>
        new(purpose, status, reasonPhrase, new ResponseHeaders([.. headers ?? []]), body, duration ?? TimeSpan.Zero, 1, TransportFailure.None, null,
            new SecretRedactor());

    /// <summary>No answer at all (a refused connection, a timeout), as the suite's own tests need it.</summary>
    public static ApiResponse NoAnswer(string why, string purpose = "a synthetic request") =>
        new(purpose, null, null, new ResponseHeaders([]), null, TimeSpan.Zero, 1, TransportFailure.ConnectionRefused, why, new SecretRedactor());

    /// <summary>The answer a recorded exchange holds, read as a step would have read it.</summary>
    internal static ApiResponse From(CapturedExchange exchange, SecretRedactor redactor) =>
        new(exchange.Purpose, exchange.StatusCode, exchange.ReasonPhrase, new ResponseHeaders(exchange.ResponseHeaders), exchange.ResponseBody,
            exchange.Duration, exchange.Attempt, exchange.TransportError is null ? TransportFailure.None : TransportFailure.Other,
            exchange.TransportError, redactor);

    /// <summary>What was asked, in the scenarios' words (no credentials).</summary>
    public string Purpose { get; }

    /// <summary>The HTTP status, or null when no answer came back (see <see cref="TransportError"/>).</summary>
    public int? StatusCode { get; }

    public string? ReasonPhrase { get; }
    public ResponseHeaders Headers { get; }

    /// <summary>The media type alone, lower case ("application/json"); null when the response named none.</summary>
    public string? ContentType { get; }

    /// <summary>The body exactly as received ("" when none). Print <see cref="Excerpt"/> instead: this is unredacted.</summary>
    public string Body { get; }

    /// <summary>How long the last attempt took.</summary>
    public TimeSpan Duration { get; }

    public int Attempts { get; }
    public TransportFailure TransportFailure { get; }

    /// <summary>Why no complete answer came back, readable; null when one did.</summary>
    public string? TransportError { get; }

    public bool Answered => StatusCode is not null && TransportError is null;
    public bool IsSuccess => Answered && StatusCode is >= 200 and < 300;
    public bool IsClientError => Answered && StatusCode is >= 400 and < 500;
    public bool IsServerError => Answered && StatusCode is >= 500;
    public bool IsRedirect => Answered && StatusCode is >= 300 and < 400;

    public BodyShape BodyShape { get; }

    /// <summary>What the body was, in words ("JSON object", "HTML page 'Bad Gateway'", "invalid JSON: ...").</summary>
    public string BodyDescription { get; }

    /// <summary>The body parsed as JSON, when it is valid JSON.</summary>
    public JsonElement? Json { get; }

    /// <summary>The body as a token response, when it is a JSON object with an access_token member.</summary>
    public TokenResponse? Token { get; }

    /// <summary>The body as an OAuth error, when it is a JSON object with an error member.</summary>
    public OAuthError? Error { get; }

    /// <summary>A token was issued: a non-empty access_token came back, whatever the status.</summary>
    public bool IssuedToken => Token?.HasAccessToken == true;

    public string? Location => Headers["Location"];

    /// <summary>The WWW-Authenticate header as received, quoted for a message ("WWW-Authenticate: Bearer realm=…"), or that there was none.</summary>
    public string ChallengeHeader => Headers.GetValues("WWW-Authenticate") is { Count: > 0 } values
        ? string.Join(", ", values.Select(v => redactor.Redact($"WWW-Authenticate: {v}")))
        : "no WWW-Authenticate header";

    /// <summary>The WWW-Authenticate challenges, parsed (RS-03, RS-04, TE-06).</summary>
    public IReadOnlyList<AuthenticationChallenge> Challenges => AuthenticationChallenge.ParseAll(Headers.GetValues("WWW-Authenticate"));

    /// <summary>A string member of a JSON object body, or null.</summary>
    public string? JsonString(string property) =>
        Json is { ValueKind: JsonValueKind.Object } json ? TokenResponse.StringOf(json, property) : null;

    public bool HasJsonProperty(string property) =>
        Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(property, out _);

    /// <summary>The start of the body, redacted, on one line: safe for failure messages.</summary>
    public string Excerpt(int maxLength = 300)
    {
        var flat = Whitespace().Replace(redactor.Redact(Body), " ").Trim();
        return flat.Length <= maxLength ? flat : flat[..maxLength] + $"… ({flat.Length - maxLength} more characters)";
    }

    /// <summary>"400 Bad Request, JSON error invalid_grant (Bad credentials), 12 ms" — redacted, for messages.</summary>
    public string Describe()
    {
        var time = string.Create(CultureInfo.InvariantCulture, $"{Duration.TotalMilliseconds:0} ms");
        var attempts = Attempts > 1 ? $", after {Attempts} attempts" : "";
        if (StatusCode is null)
        {
            return redactor.Redact($"no response: {TransportError}{attempts}");
        }

        var body = Error is not null ? $"error {Error}" : Token is not null ? Token.ToString() : BodyDescription;
        if (IsRedirect)
            body = $"to {Location ?? "(no Location header)"}, {body}";
        var broken = TransportError is null ? "" : $", then {TransportError}";
        return redactor.Redact($"{StatusCode} {ReasonPhrase}".TrimEnd() + $", {body}{broken}, {time}{attempts}");
    }

    public override string ToString() => Describe();

    private static (BodyShape, string, JsonElement?) Classify(string body, string? contentType)
    {
        var trimmed = body.TrimStart();
        if (trimmed.Length == 0)
        {
            return (BodyShape.Empty, body.Length == 0 ? "empty body" : "blank body", null);
        }

        var saysJson = contentType is not null && (contentType.EndsWith("/json", StringComparison.Ordinal) || contentType.EndsWith("+json", StringComparison.Ordinal));
        if (saysJson || trimmed[0] is '{' or '[')
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement.Clone();
                var what = root.ValueKind switch
                {
                    JsonValueKind.Object => "JSON object",
                    JsonValueKind.Array => "JSON array",
                    _ => $"JSON {root.ValueKind.ToString().ToLowerInvariant()}",
                };
                return (BodyShape.Json, saysJson ? what : $"{what} (content type {contentType ?? "missing"})", root);
            }
            catch (JsonException e)
            {
                var problem = e.Message.Split(" Path:")[0];
                return (BodyShape.InvalidJson, $"invalid JSON ({contentType ?? "no content type"}, {body.Length} characters): {problem}", null);
            }
        }

        if (contentType == "text/html" || trimmed.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            var title = HtmlTitle().Match(body);
            return (BodyShape.Html, title.Success ? $"HTML page '{WebUtility.HtmlDecode(title.Groups[1].Value.Trim())}'" : "HTML page", null);
        }

        return (BodyShape.Text, $"{contentType ?? "untyped"} text, {body.Length} characters", null);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlTitle();
}

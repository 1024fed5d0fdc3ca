using System.Globalization;
using System.Text;

namespace Rator.Contract.Tests.Support.Evidence;

/// <summary>
/// One recorded HTTP attempt, already redacted: only <see cref="ExchangeRecorder"/> creates these, so anything a
/// report, attachment or failure message gets from it is safe to print.
/// </summary>
public sealed class HttpExchange
{
    public const int DefaultBodyLimit = 4000;

    internal HttpExchange(int sequence, CapturedExchange raw, SecretRedactor redactor)
    {
        Sequence = sequence;
        Purpose = redactor.Redact(raw.Purpose);
        Method = raw.Method;
        Url = redactor.Redact(raw.Url);
        RequestHeaders = RedactHeaders(raw.RequestHeaders, redactor);
        RequestBody = raw.RequestBody is null ? null : redactor.Redact(raw.RequestBody);
        StatusCode = raw.StatusCode;
        ReasonPhrase = raw.ReasonPhrase is null ? null : redactor.Redact(raw.ReasonPhrase);
        ResponseHeaders = RedactHeaders(raw.ResponseHeaders, redactor);
        ResponseBody = raw.ResponseBody is null ? null : redactor.Redact(raw.ResponseBody);
        StartedAt = raw.StartedAt;
        Duration = raw.Duration;
        Attempt = raw.Attempt;
        TransportError = raw.TransportError is null ? null : redactor.Redact(raw.TransportError);
        InfrastructureAnswer = raw.InfrastructureAnswer is null ? null : redactor.Redact(raw.InfrastructureAnswer);
        TimedOut = raw.TimedOut;
        RetryAfter = raw.RetryAfter;
        Retried = raw.Retried;
    }

    /// <summary>Position in the scenario's recording, from 1.</summary>
    public int Sequence { get; }

    public string Purpose { get; }
    public string Method { get; }
    public string Url { get; }
    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; }
    public string? RequestBody { get; }
    public int? StatusCode { get; }
    public string? ReasonPhrase { get; }
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; }
    public string? ResponseBody { get; }
    public DateTimeOffset StartedAt { get; }
    public TimeSpan Duration { get; }
    public int Attempt { get; }
    public string? TransportError { get; }

    /// <summary>See <see cref="CapturedExchange.InfrastructureAnswer"/>.</summary>
    public string? InfrastructureAnswer { get; }
    public bool TimedOut { get; }
    public TimeSpan? RetryAfter { get; }
    public bool Retried { get; }

    /// <summary>An answer an outage gives, and the one that stood for its request (no retry followed).</summary>
    public bool StoodAsInfrastructureAnswer => InfrastructureAnswer is not null && !Retried;

    /// <summary>One line: "#2 POST https://host/rator/oauth/token?brand_key=BRAND1 → 400 (12 ms)".</summary>
    public string Summary
    {
        get
        {
            var outcome = StatusCode is { } status ? status.ToString(CultureInfo.InvariantCulture) : "no response";
            var retry = Attempt > 1 ? $", attempt {Attempt}" : "";
            return $"#{Sequence} {Method} {Url} → {outcome} ({Milliseconds(Duration)}{retry})";
        }
    }

    /// <summary>A curl-like, readable rendering: request lines with '>', response lines with '&lt;'.</summary>
    public string Render(int bodyLimit = DefaultBodyLimit)
    {
        var text = new StringBuilder();
        var retry = Attempt > 1 ? $", attempt {Attempt}" : "";
        text.Append(CultureInfo.InvariantCulture, $"#{Sequence} {Purpose} ({StartedAt:HH:mm:ss.fff} UTC{retry})").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"> {Method} {Url}").AppendLine();
        foreach (var (name, value) in RequestHeaders)
        {
            text.Append(CultureInfo.InvariantCulture, $"> {name}: {value}").AppendLine();
        }

        AppendBody(text, "> ", RequestBody, bodyLimit);
        if (StatusCode is { } status)
        {
            var reason = string.IsNullOrEmpty(ReasonPhrase) ? "" : " " + ReasonPhrase;
            text.Append(CultureInfo.InvariantCulture, $"< {status}{reason} ({Milliseconds(Duration)})").AppendLine();
            foreach (var (name, value) in ResponseHeaders)
            {
                text.Append(CultureInfo.InvariantCulture, $"< {name}: {value}").AppendLine();
            }

            AppendBody(text, "< ", ResponseBody, bodyLimit);
        }

        if (TransportError is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"! {TransportError} (after {Milliseconds(Duration)})").AppendLine();
        }

        return text.ToString();
    }

    public override string ToString() => Summary;

    private static void AppendBody(StringBuilder text, string prefix, string? body, int limit)
    {
        if (string.IsNullOrEmpty(body))
        {
            return;
        }

        text.AppendLine(prefix.TrimEnd());
        var shown = body.Length > limit ? body[..limit] : body;
        foreach (var line in shown.Split('\n'))
        {
            text.Append(prefix).Append(line.TrimEnd('\r')).AppendLine();
        }

        if (body.Length > limit)
        {
            text.Append(CultureInfo.InvariantCulture, $"{prefix}… ({body.Length - limit} more characters)").AppendLine();
        }
    }

    private static string Milliseconds(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms");

    private static IReadOnlyList<KeyValuePair<string, string>> RedactHeaders(IReadOnlyList<KeyValuePair<string, string>> headers, SecretRedactor redactor) =>
        headers.Select(h => KeyValuePair.Create(h.Key, redactor.RedactHeader(h.Key, h.Value))).ToList();
}

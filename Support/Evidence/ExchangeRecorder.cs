using System.Text;

namespace Rator.Contract.Tests.Support.Evidence;

/// <summary>
/// Every HTTP attempt of one scenario, in order (thread-safe: a scenario may send in parallel). Raw captures go
/// in; only redacted <see cref="HttpExchange"/>s and renderings come out, redacted at the moment they are taken,
/// so tokens issued later in the scenario are masked in earlier exchanges too.
/// </summary>
public sealed class ExchangeRecorder(SecretRedactor redactor)
{
    private readonly Lock gate = new();
    private readonly List<CapturedExchange> captured = [];

    public SecretRedactor Redactor { get; } = redactor;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return captured.Count;
            }
        }
    }

    public void Record(CapturedExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        lock (gate)
        {
            captured.Add(exchange);
        }
    }

    /// <summary>The redacted exchanges so far, in the order they were recorded.</summary>
    public IReadOnlyList<HttpExchange> Snapshot() => Since(0);

    /// <summary>
    /// The redacted exchanges recorded after the first <paramref name="alreadySeen"/>, numbered as in the full list:
    /// a step's new exchanges, without redacting the whole scenario's again on every step.
    /// </summary>
    public IReadOnlyList<HttpExchange> Since(int alreadySeen)
    {
        CapturedExchange[] copy;
        lock (gate)
        {
            copy = [.. captured.Skip(alreadySeen)];
        }

        return copy.Select((raw, index) => new HttpExchange(alreadySeen + index + 1, raw, Redactor)).ToList();
    }

    /// <summary>The last exchange recorded, redacted; null when nothing was sent.</summary>
    public HttpExchange? Last
    {
        get
        {
            // Redacted outside the lock, as in Since: parallel sends must not wait on it.
            (int Count, CapturedExchange? Raw) last;
            lock (gate)
            {
                last = (captured.Count, captured.Count == 0 ? null : captured[^1]);
            }

            return last.Raw is null ? null : new HttpExchange(last.Count, last.Raw, Redactor);
        }
    }

    /// <summary>
    /// A curl command re-sending exchange <paramref name="sequence"/> (from 1), every secret and token a shell variable
    /// (<see cref="CurlCommand"/>). Null when the command would still hold a secret or token in some form this
    /// recorder's redactor knows: no reproduction is worth a leak.
    /// </summary>
    public string? Reproduce(int sequence, ShellVariables variables, CurlTransport? transport = null)
    {
        CapturedExchange[] copy;
        lock (gate)
        {
            copy = [.. captured];
        }

        if (sequence < 1 || sequence > copy.Length)
        {
            return null;
        }

        var command = CurlCommand.Build(copy[sequence - 1], sequence, copy[..(sequence - 1)], variables, Redactor.RegisteredTokens, transport);
        return Redactor.HoldsRegisteredValue(command) ? null : command;
    }

    /// <summary>
    /// Every answer this recorder holds, for the rules judged over the whole run: each read as a step would read it, with
    /// the scenario and the redacted exchange summary that name it in a failure. Attempts that got no answer are left out.
    /// </summary>
    public IReadOnlyList<RecordedAnswer> AnswersOf(string scenario)
    {
        CapturedExchange[] copy;
        lock (gate)
        {
            copy = [.. captured];
        }

        return copy.Select((raw, index) => (raw, sequence: index + 1))
            .Where(c => c.raw.StatusCode is not null)
            .Select(c => new RecordedAnswer
            {
                Scenario = scenario,
                Exchange = new HttpExchange(c.sequence, c.raw, Redactor).Summary,
                Method = c.raw.Method,
                Url = new Uri(c.raw.Url),
                WellFormedRequest = IsWellFormedForm(c.raw),
                TriedBasic = c.raw.RequestHeaders.Any(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                                                           && h.Value.TrimStart().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)),
                Answer = Api.ApiResponse.From(c.raw, Redactor),
            })
            .ToList();
    }

    private static bool IsWellFormedForm(CapturedExchange raw)
    {
        var contentType = raw.RequestHeaders.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        var formBody = string.IsNullOrEmpty(raw.RequestBody)
                       || contentType?.Split(';')[0].Trim().Equals(Api.OutgoingRequest.FormContentType, StringComparison.OrdinalIgnoreCase) == true;
        var query = new Uri(raw.Url).Query.TrimStart('?');
        return formBody && Api.FormEncoding.IsWellFormed(query) && (string.IsNullOrEmpty(raw.RequestBody) || Api.FormEncoding.IsWellFormed(raw.RequestBody));
    }

    /// <summary>All exchanges as readable text, for a report attachment or a failure message.</summary>
    public string Render(int bodyLimit = HttpExchange.DefaultBodyLimit)
    {
        var exchanges = Snapshot();
        if (exchanges.Count == 0)
        {
            return "(no HTTP exchange recorded)" + Environment.NewLine;
        }

        var text = new StringBuilder();
        foreach (var exchange in exchanges)
        {
            text.Append(exchange.Render(bodyLimit)).AppendLine();
        }

        return text.ToString();
    }

    public override string ToString() => $"{Count} exchange(s)";
}

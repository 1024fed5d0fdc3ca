namespace Rator.Contract.Tests.Support.Evidence;

/// <summary>
/// One HTTP attempt exactly as it went over the wire, credentials included. It only flows into an
/// <see cref="ExchangeRecorder"/>; what comes out of the recorder is a redacted <see cref="HttpExchange"/>.
/// </summary>
public sealed record CapturedExchange
{
    /// <summary>What the attempt was for, in the scenarios' words ("password grant for customer alice.b1 of BRAND1").</summary>
    public required string Purpose { get; init; }

    public required string Method { get; init; }
    public required string Url { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; } = [];
    public string? RequestBody { get; init; }

    /// <summary>Null when no HTTP status came back (refused, timed out, closed).</summary>
    public int? StatusCode { get; init; }

    public string? ReasonPhrase { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];
    public string? ResponseBody { get; init; }
    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;
    public TimeSpan Duration { get; init; }

    /// <summary>1 for the first try; retries of transient failures count up.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Why no complete answer came back, readable ("no answer within 30 s"); null when one did.</summary>
    public string? TransportError { get; init; }

    /// <summary>
    /// The answer is one an outage gives rather than the deployment's own ("503 Service Unavailable", "connection
    /// refused", "no answer within 30 s"): what the suite checks the deployment's availability for. Null otherwise.
    /// </summary>
    public string? InfrastructureAnswer { get; init; }

    /// <summary>The infrastructure answer was a timeout: the deployment may be up and merely slow to this request.</summary>
    public bool TimedOut { get; init; }

    /// <summary>The Retry-After the answer carried, if any.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Another attempt of the same request followed (a transient failure was retried): this answer did not stand.</summary>
    public bool Retried { get; init; }

    // Deliberately content-free: a captured exchange holds raw credentials.
    public override string ToString() => $"{Method} attempt {Attempt} ({Purpose}), unredacted: render it through its ExchangeRecorder";
}

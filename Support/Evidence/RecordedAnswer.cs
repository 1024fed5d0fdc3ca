using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Evidence;

/// <summary>
/// One answer the deployment gave during the run, with the scenario and exchange it was seen in: what the rules that
/// hold for every answer of a kind judge (TE-10, ER-02, ER-03, ER-06). Only derived facts of the request are kept,
/// never its credentials; <see cref="Where"/> is redacted.
/// </summary>
public sealed record RecordedAnswer
{
    /// <summary>The scenario's test name as the reports show it ("Feature — Scenario [example]").</summary>
    public required string Scenario { get; init; }

    /// <summary>The exchange's one-line summary, redacted ("#2 POST https://…/oauth/token?brand_key=BRAND1 → 400 (12 ms)").</summary>
    public required string Exchange { get; init; }

    public required string Method { get; init; }

    public required Uri Url { get; init; }

    /// <summary>The request was a well-formed form (query and body decode as UTF-8 form fields, with a form content type or none).</summary>
    public required bool WellFormedRequest { get; init; }

    /// <summary>The client tried HTTP Basic authentication (an Authorization header with the Basic scheme).</summary>
    public required bool TriedBasic { get; init; }

    public required ApiResponse Answer { get; init; }

    /// <summary>Where a breach was seen, for a failure message: the scenario and the exchange.</summary>
    public string Where => $"\"{Scenario}\", exchange {Exchange}";

    /// <summary>An answer to a request sent to <paramref name="tokenEndpoint"/>'s path (any scheme, any query).</summary>
    public bool IsFromTokenEndpoint(Uri tokenEndpoint) =>
        string.Equals(Url.AbsolutePath.TrimEnd('/'), tokenEndpoint.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal)
        && string.Equals(Url.Host, tokenEndpoint.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An OAuth refusal in the sense of RFC 6749 §5.2: a 400 or 401 answer to a well-formed POST token request over
    /// the endpoint's own scheme. Other answers are the HTTP layer's (a 405 to GET, a proxy's 413 or 429, the plain-HTTP
    /// port of an https deployment, a container's refusal of a malformed request) and need not speak OAuth.
    /// </summary>
    public bool IsOAuthRefusal(Uri tokenEndpoint) =>
        IsFromTokenEndpoint(tokenEndpoint)
        && string.Equals(Url.Scheme, tokenEndpoint.Scheme, StringComparison.OrdinalIgnoreCase)
        && Method == "POST" && WellFormedRequest
        && Answer.StatusCode is 400 or 401 && Answer.TransportError is null && !Answer.IssuedToken;

    public override string ToString() => Where;
}

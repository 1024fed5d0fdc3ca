using System.Globalization;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// Tells an answer an outage gives (a gateway's 502, 503 or 504; a refused or reset connection; no answer in time) from
/// the deployment's own. No rule of the contract expects one of these, so where one stands for a request, the scenario
/// has not yet heard the deployment: the suite checks whether the deployment is available before believing it.
/// </summary>
public static class InfrastructureAnswers
{
    /// <summary>"503 Service Unavailable" or "no response: connection refused by …"; null for the deployment's own answer.</summary>
    public static string? Describe(ApiResponse response) => response switch
    {
        { StatusCode: 502 or 503 or 504 } => $"{response.StatusCode.Value.ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}".TrimEnd()
                                             + (RetryPolicy.RetryAfter(response) is { } wait ? $", Retry-After {wait.TotalSeconds:0} s" : ""),
        { StatusCode: null, TransportFailure: TransportFailure.ConnectionRefused or TransportFailure.ConnectionReset or TransportFailure.Timeout }
            => $"no response: {response.TransportError}",
        _ => null,
    };

    /// <summary>
    /// A throttle's answer to a burst: 429, or a 503 with Retry-After. A rule that sends bursts (@intrusive) judges it as
    /// the deployment's, once the deployment is shown to be available.
    /// </summary>
    public static bool IsThrottleAnswer(int? status, TimeSpan? retryAfter) => status == 429 || (status == 503 && retryAfter is not null);
}

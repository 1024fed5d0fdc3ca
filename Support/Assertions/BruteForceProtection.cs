using FluentAssertions;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Probes;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// TE-11, PW-05: a burst of wrong guesses is slowed down or stopped (RFC 6749 §4.3.2, §2.3.1; RFC 6819 §4.3.5). Each
/// way a deployment may show it counts: a throttling answer (429, 423, Retry-After), a lockout (the right credentials
/// refused right after the burst), or a growing latency (the last guesses each a second slower than the first were).
/// </summary>
public static class BruteForceProtection
{
    private const int Compared = 3;
    private static readonly TimeSpan Slower = TimeSpan.FromSeconds(1);

    /// <param name="guesses">the burst's answers, in order.</param>
    /// <param name="afterwards">the answer to the right credentials sent right after the burst.</param>
    public static void Check(IReadOnlyList<ApiResponse> guesses, ApiResponse afterwards)
    {
        var throttled = guesses.Any(Throttling.Shows);
        var lockedOut = !afterwards.IssuedToken;
        (throttled || lockedOut || GrowingLatency(guesses)).Should().BeTrue(
            "{0} wrong guesses within a minute must be slowed down or stopped (RFC 6749 §4.3.2, §2.3.1; RFC 6819 §4.3.5), " +
            "but every guess got an ordinary refusal ({1}), none took noticeably longer, and the right credentials still worked at once",
            guesses.Count, guesses.LastOrDefault()?.Describe() ?? "no answer");
    }

    private static bool GrowingLatency(IReadOnlyList<ApiResponse> guesses)
    {
        if (guesses.Count < 2 * Compared)
            return false;
        var first = guesses.Take(Compared).Average(g => g.Duration.TotalMilliseconds);
        return guesses.TakeLast(Compared).All(g => g.Duration.TotalMilliseconds >= first + Slower.TotalMilliseconds);
    }
}

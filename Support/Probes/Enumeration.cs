using FluentAssertions;
using FluentAssertions.Execution;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Probes;

/// <summary>
/// PW-04 (RFC 6819 §4.4.3.6, OWASP WSTG-IDNT-04): refusals for an unknown user, a wrong password and a
/// locked account must not tell them apart, neither by what they say nor by how long they take. What they say needs
/// one refusal of each kind; how long they take needs several, so it is timed on an account dedicated to it.
/// </summary>
public static class Enumeration
{
    /// <summary>A difference below this is within the noise of any network; above it, and above half the faster median, it can be measured.</summary>
    public static readonly TimeSpan TimingTolerance = TimeSpan.FromMilliseconds(100);

    private static readonly string[] Kinds = ["an unknown user", "a wrong password", "a locked account"];

    /// <summary>
    /// Sends each kind of refused sign-in <paramref name="rounds"/> times, interleaved, so that a slow moment of
    /// the deployment hits every kind alike. The answers come back in the order sent: kind after kind, round after round.
    /// </summary>
    public static async Task<IReadOnlyList<ApiResponse>> AttemptAsync(TokenEndpoint tokens, int rounds, params TokenRequest[] kinds)
    {
        var answers = new List<ApiResponse>();
        for (var round = 0; round < rounds; round++)
            foreach (var kind in kinds)
                answers.Add(await tokens.RequestAsync(kind));
        return answers;
    }

    public static void CheckIndistinguishable(IReadOnlyList<ApiResponse> interleaved, int kinds)
    {
        var groups = Group(interleaved, kinds);
        using var scope = new AssertionScope();
        var shapes = groups.Select(g => g.Select(Shape).Distinct().ToList()).ToList();
        for (var k = 0; k < kinds; k++)
            shapes[k].Should().HaveCount(1, "{0} is always refused the same way, but got: {1}", Kinds[k], string.Join(" | ", shapes[k]));
        var first = shapes.Select(s => s[0]).ToList();
        first.Distinct().Should().HaveCount(1, "the refusals must not reveal whether the account exists or is locked, but they were: {0}",
            string.Join(" | ", first.Select((s, k) => $"{Kinds[k]}: {s}")));
    }

    /// <param name="kinds">What each kind of refusal is, in the order <see cref="AttemptAsync"/> sent them.</param>
    public static void CheckTiming(IReadOnlyList<ApiResponse> interleaved, params string[] kinds)
    {
        var medians = Group(interleaved, kinds.Length).Select(g => Median(g.Select(a => a.Duration))).ToList();
        var fastest = medians.Min();
        var slowest = medians.Max();
        var allowed = TimingTolerance > fastest / 2 ? TimingTolerance : fastest / 2;
        (slowest - fastest).Should().BeLessThanOrEqualTo(allowed,
            "response times must not reveal whether an account exists (median {0})",
            string.Join(", ", medians.Select((m, k) => $"{kinds[k]} {m.TotalMilliseconds:0} ms")));
    }

    private static List<List<ApiResponse>> Group(IReadOnlyList<ApiResponse> interleaved, int kinds) =>
        Enumerable.Range(0, kinds).Select(k => interleaved.Where((_, i) => i % kinds == k).ToList()).ToList();

    // Status, error code and description: what a client can read. A 429 from a throttle counts as a refusal too.
    private static string Shape(ApiResponse answer) => $"{answer.StatusCode} {answer.Error?.Code} {answer.Error?.Description}".Trim();

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}

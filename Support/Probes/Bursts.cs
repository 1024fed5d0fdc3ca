using System.Diagnostics;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Probes;

/// <summary>
/// Bounded bursts for the intrusive probes: a fixed number of requests, never more than a minute, and the
/// burst stops as soon as the deployment shows it defends itself (there is no point in hammering further).
/// </summary>
public static class Bursts
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Sends <paramref name="count"/> requests one after another; stops early once one is throttled.</summary>
    public static async Task<IReadOnlyList<ApiResponse>> SequentialAsync(int count, Func<int, Task<ApiResponse>> send)
    {
        var answers = new List<ApiResponse>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count && clock.Elapsed < Limit; i++)
        {
            var answer = await send(i);
            answers.Add(answer);
            if (Throttling.Shows(answer))
                break;
        }
        return answers;
    }

    /// <summary>Sends <paramref name="count"/> requests at once.</summary>
    public static async Task<IReadOnlyList<ApiResponse>> ParallelAsync(int count, Func<int, Task<ApiResponse>> send) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => send(i))));
}

/// <summary>What counts as evidence that a deployment slows down or stops guessing (RFC 6819 §4.3.5, §4.4.3.6).</summary>
public static class Throttling
{
    public static bool Shows(ApiResponse answer) =>
        answer.StatusCode is 429 or 423 || answer.Headers.Contains("Retry-After");
}

using System.Diagnostics;

namespace Rator.Sandbox.Tests;

/// <summary>
/// PW-04's timing half: unknown user, wrong password and locked account each cost one full PBKDF2.
/// Alone (non-parallel) and interleaved, so machine load hits the three cases alike.
/// </summary>
[NonParallelizable]
public sealed class RefusalTimingTests : SandboxTestBase
{
    [Test]
    public async Task The_three_refusals_cost_about_the_same_time()
    {
        User[] cases =
        [
            new("ghost.b1", "Whatever-1", Fixtures.Brand1, null, null),
            Fixtures.Bob with { Password = "Nope-1" },
            Fixtures.Locked,
        ];
        var times = cases.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < 7; round++)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                var watch = Stopwatch.StartNew();
                var reply = await Api.PasswordAsync(cases[i]);
                times[i].Add(watch.Elapsed.TotalMilliseconds);
                reply.Status.Should().Be(400);
            }
        }
        var medians = times.Select(t => t.Order().ElementAt(t.Count / 2)).ToArray();

        // A shortcut for unknown or locked users would skip the PBKDF2 and be several times faster.
        medians.Min().Should().BeGreaterThan(medians.Max() / 3, string.Join(" / ", medians.Select(m => $"{m:F2} ms")));
    }
}

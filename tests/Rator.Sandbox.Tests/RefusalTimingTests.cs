using System.Diagnostics;

namespace Rator.Sandbox.Tests;

/// <summary>
/// PW-04's timing half: unknown user, wrong password and locked account each cost one full PBKDF2.
/// Alone (non-parallel) and interleaved, so machine load hits the three cases alike. Each case's cost is its fastest
/// round: load from other processes (the test command runs every project at once) only ever adds time, so the minimum
/// is what the request itself costs, where a median still moved with the load (24 / 8.5 / 4.8 ms once under CI).
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
        // Seven rounds: fewer failed sign-ins per account than the throttle allows (10), so every answer is the refusal itself.
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
        var fastest = times.Select(t => t.Min()).ToArray();

        // A shortcut for unknown or locked users would skip the PBKDF2 and be several times faster.
        fastest.Min().Should().BeGreaterThan(fastest.Max() / 3, string.Join(" / ", fastest.Select(m => $"{m:F2} ms")));
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;

namespace Rator.Sandbox.Tests;

/// <summary>
/// The sandbox under the load a parallel suite run (or a benchmark) puts on it: many token requests and
/// resource calls at once from concurrent workers over loopback. Nothing fails, no token is lost (every one
/// issued is distinct and still works once all are issued), and the throughput is reported, not asserted.
/// </summary>
public sealed class LoadTests
{
    private const int Workers = 16;
    private const int TokenRequests = 500;
    private const int ResourceCalls = 2_000;

    /// <summary>What a token was asked for, and the resource it must read afterwards.</summary>
    private sealed record Ask(string Kind, Func<SandboxClient, Task<Reply>> Request, Func<SandboxClient, string, Task<Reply>> Read);

    private static readonly Ask[] Mix =
    [
        new("password alice", c => c.PasswordAsync(Fixtures.Alice), (c, t) => c.BalanceAsync(t, Fixtures.Brand1, Fixtures.Alice.BillingGroupId!)),
        new("password bob", c => c.PasswordAsync(Fixtures.Bob), (c, t) => c.BalanceAsync(t, Fixtures.Brand1, Fixtures.Bob.BillingGroupId!)),
        new("password carol", c => c.PasswordAsync(Fixtures.Carol), (c, t) => c.BalanceAsync(t, Fixtures.Brand2, Fixtures.Carol.BillingGroupId!)),
        new("operator op.b1", c => c.OperatorAsync(Fixtures.Op1), (c, t) => c.CustomerAsync(t, Fixtures.Brand1, Fixtures.Alice.CustomerId!)),
        new("operator op.b2 (partner client)", c => c.OperatorAsync(Fixtures.Op2, client: Fixtures.Partner), (c, t) => c.BalanceAsync(t, Fixtures.Brand2, Fixtures.Carol.BillingGroupId!)),
        new("client credentials op.b1", c => c.ClientCredentialsAsync("op.b1"), (c, t) => c.BalanceAsync(t, Fixtures.Brand1, Fixtures.Bob.BillingGroupId!)),
    ];

    [Test]
    public async Task Sixteen_workers_get_500_tokens_then_make_2000_resource_calls_with_no_error_and_no_lost_token()
    {
        await using var sandbox = await RunningSandbox.StartAsync();
        var client = sandbox.Client;
        var failures = new ConcurrentQueue<string>();

        // Phase 1: every worker takes the next token request until 500 are done.
        var issued = new (Ask Ask, string? Access, string? Refresh)[TokenRequests];
        var tokenWatch = Stopwatch.StartNew();
        await RunWorkersAsync(TokenRequests, async i =>
        {
            var ask = Mix[i % Mix.Length];
            var reply = await ask.Request(client);
            if (reply.Status != 200 || reply.AccessToken is null)
                failures.Enqueue($"token #{i} ({ask.Kind}): {reply.Status} {reply.Body}");
            issued[i] = (ask, reply.AccessToken, reply.RefreshToken);
        });
        tokenWatch.Stop();

        // Phase 2: once all are issued, every token reads its resource (each one 4 times, interleaved).
        var calls = 0;
        var callWatch = Stopwatch.StartNew();
        await RunWorkersAsync(ResourceCalls, async i =>
        {
            var (ask, access, _) = issued[i % TokenRequests];
            if (access is null) return;
            var reply = await ask.Read(client, access);
            Interlocked.Increment(ref calls);
            if (reply.Status != 200)
                failures.Enqueue($"call #{i} with token #{i % TokenRequests} ({ask.Kind}): {reply.Status} {reply.Body}");
        });
        callWatch.Stop();

        TestContext.Progress.WriteLine(
            $"Sandbox under load ({Workers} workers, loopback): {TokenRequests} token requests in {tokenWatch.ElapsedMilliseconds} ms " +
            $"({TokenRequests / tokenWatch.Elapsed.TotalSeconds:n0}/s), {ResourceCalls} resource calls in {callWatch.ElapsedMilliseconds} ms " +
            $"({ResourceCalls / callWatch.Elapsed.TotalSeconds:n0}/s), {Environment.ProcessorCount} cores.");

        failures.Should().BeEmpty("every request under load is answered normally; first failures:\n" + string.Join("\n", failures.Take(5)));
        calls.Should().Be(ResourceCalls);
        issued.Select(t => t.Access).Distinct().Should().HaveCount(TokenRequests, "each request gets its own access token");
        issued.Select(t => t.Refresh).Where(r => r is not null).Distinct().Should()
            .HaveCount(issued.Count(t => t.Refresh is not null), "no two requests share a refresh token");
        sandbox.Host.UnexpectedErrorCount.Should().Be(0);
    }

    /// <summary>Workers pull job numbers 0..count-1 from a shared counter, so all of them stay busy to the end.</summary>
    private static Task RunWorkersAsync(int count, Func<int, Task> job)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                await job(i);
        })));
    }
}

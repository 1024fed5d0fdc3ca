using System.Collections.Concurrent;
using System.Diagnostics;

namespace Rator.Sandbox.Tests;

/// <summary>SQLite used correctly under load: no errors, no lost writes, in memory and on disk.</summary>
public sealed class ConcurrencyTests
{
    [TestCase(false)]
    [TestCase(true)]
    public async Task Two_hundred_concurrent_token_requests_all_succeed(bool onDisk)
    {
        var path = onDisk ? Path.Combine(Path.GetTempPath(), $"rator-sandbox-{Guid.NewGuid():N}.db") : null;
        try
        {
            await using var sandbox = await RunningSandbox.StartAsync(new SandboxOptions { DatabasePath = path });
            var users = new[] { Fixtures.Alice, Fixtures.Bob, Fixtures.Carol };

            var replies = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
                i % 4 == 3
                    ? sandbox.Client.ClientCredentialsAsync("op.b1")
                    : sandbox.Client.PasswordAsync(users[i % users.Length])));

            replies.Should().OnlyContain(r => r.Status == 200, string.Join("\n", replies.Where(r => r.Status != 200).Take(3)));
            replies.Select(r => r.AccessToken).Distinct().Should().HaveCount(200);
            var checks = await Task.WhenAll(replies.Where((_, i) => i % 4 != 3 && users[i % users.Length] == Fixtures.Alice)
                .Select(r => sandbox.Client.BalanceAsync(r.AccessToken, "BRAND1", Fixtures.Alice.BillingGroupId!)));
            checks.Should().OnlyContain(r => r.Status == 200);
            sandbox.Host.UnexpectedErrorCount.Should().Be(0);
        }
        finally
        {
            if (path is not null)
                foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        }
    }

    [Test]
    public async Task Sixteen_workers_mixing_grants_refreshes_and_reads_see_no_errors()
    {
        await using var sandbox = await RunningSandbox.StartAsync();
        var api = sandbox.Client;
        var failures = new ConcurrentBag<string>();
        var calls = 0;
        var watch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            var user = worker % 2 == 0 ? Fixtures.Alice : Fixtures.Bob;
            var tokens = await api.TokensForAsync(user);
            for (var i = 0; i < 40; i++)
            {
                var refreshed = await api.RefreshAsync(tokens.RefreshToken!);
                if (refreshed.Status != 200) failures.Add($"refresh {refreshed}");
                else tokens = refreshed;
                for (var r = 0; r < 4; r++)
                {
                    var read = await api.BalanceAsync(tokens.AccessToken, "BRAND1", user.BillingGroupId!);
                    if (read.Status != 200) failures.Add($"read {read}");
                }
                // A fresh unknown name each time, so the failures never trip the per-username throttle.
                var wrong = await api.PasswordAsync(new User($"ghost{worker}.{i}", "wrong", "BRAND1", null, null));
                if (wrong.Status != 400) failures.Add($"wrong password {wrong}");
                Interlocked.Add(ref calls, 6);
            }
        })));

        failures.Should().BeEmpty();
        calls.Should().Be(16 * 40 * 6);
        sandbox.Host.UnexpectedErrorCount.Should().Be(0);
        TestContext.Out.WriteLine($"{calls} calls in {watch.ElapsedMilliseconds} ms");
    }

    [Test]
    public async Task Several_hosts_run_side_by_side_with_separate_state()
    {
        var hosts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunningSandbox.StartAsync()));
        try
        {
            hosts.Select(h => h.Host.BaseUrl).Distinct().Should().HaveCount(4);
            var tokens = await Task.WhenAll(hosts.Select(h => h.Client.AccessTokenForAsync(Fixtures.Alice)));
            // A token is only known to the host that issued it.
            (await hosts[1].Client.BalanceAsync(tokens[0], "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(401);
            (await hosts[0].Client.BalanceAsync(tokens[0], "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(200);
        }
        finally
        {
            foreach (var h in hosts) await h.DisposeAsync();
        }
    }
}

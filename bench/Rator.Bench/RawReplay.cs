using System.Diagnostics;
using Rator.Sandbox;

namespace Rator.Bench;

/// <summary>
/// The baseline: the suite's exchanges sent one after another by a bare HttpClient to a fresh in-process
/// sandbox with the same injected latency — what the same HTTP work costs with no suite around it.
/// </summary>
public static class RawReplay
{
    public sealed record Result(int Exchanges, TimeSpan Mean, int SameStatus);

    public static async Task<Result> RunAsync(IReadOnlyList<RecordedExchange> exchanges, int latencyMs, FixtureSecrets secrets)
    {
        // A short pass on a throwaway host first, so that JIT and connection setup do not count.
        await ReplayAsync(exchanges.Take(20).ToList(), latencyMs, secrets);
        return await ReplayAsync(exchanges, latencyMs, secrets);
    }

    private static async Task<Result> ReplayAsync(IReadOnlyList<RecordedExchange> exchanges, int latencyMs, FixtureSecrets secrets)
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { LatencyMs = latencyMs });
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var replay = new ReplayRequest(host.BaseUrl, secrets);
        var total = TimeSpan.Zero;
        var sameStatus = 0;
        foreach (var exchange in exchanges)
        {
            using var request = replay.Build(exchange);
            var watch = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            watch.Stop();
            total += watch.Elapsed;
            if ((int)response.StatusCode == exchange.Status) sameStatus++;
            replay.Learn(exchange, body);
        }
        return new Result(exchanges.Count, exchanges.Count == 0 ? TimeSpan.Zero : total / exchanges.Count, sameStatus);
    }
}

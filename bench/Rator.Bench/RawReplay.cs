using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
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
        // Served as the suite's embedded sandbox is, over https, so both sides pay the same TLS.
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { LatencyMs = latencyMs, Urls = "https://127.0.0.1:0;http://127.0.0.1:0" });
        var ca = host.CertificateAuthority!;
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0 || certificate is null)
                return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
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

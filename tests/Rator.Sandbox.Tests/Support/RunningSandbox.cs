namespace Rator.Sandbox.Tests.Support;

/// <summary>
/// A started host with its clients; dispose stops both. Unless the options name their own URLs, it serves https with
/// plain HTTP beside it, as the suite's embedded run does: <see cref="Client"/> speaks https (accepting whatever
/// certificate a TLS defect presents, so the other probes still see the rest of the host), <see cref="Plain"/> the
/// plain-HTTP address, and <see cref="Tls"/> makes handshakes of its own to look at the TLS itself.
/// </summary>
public sealed class RunningSandbox : IAsyncDisposable
{
    public const string HttpsBesidePlain = "https://127.0.0.1:0;http://127.0.0.1:0";

    private readonly HttpClient http;

    private RunningSandbox(SandboxHost host, HttpClient http)
    {
        Host = host;
        this.http = http;
        Client = new SandboxClient(http, host.BaseUrl);
        Plain = new SandboxClient(http, host.PlainHttpBaseUrl ?? host.BaseUrl);
        Tls = new TlsHandshakes(host);
    }

    public SandboxHost Host { get; }
    public SandboxClient Client { get; }

    /// <summary>The plain-HTTP address beside https (the host's only address when it serves plain HTTP alone).</summary>
    public SandboxClient Plain { get; }

    public TlsHandshakes Tls { get; }

    public static async Task<RunningSandbox> StartAsync(SandboxOptions? options = null)
    {
        options ??= new SandboxOptions();
        if (options.Urls == new SandboxOptions().Urls)
            options.Urls = HttpsBesidePlain;
        var host = await SandboxHost.StartAsync(options);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            MaxConnectionsPerServer = 256,
            UseProxy = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        return new RunningSandbox(host, new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) });
    }

    public static Task<RunningSandbox> WithDefectAsync(string defect) =>
        StartAsync(new SandboxOptions { Defects = [defect] });

    public static Task<RunningSandbox> WithVariantsAsync(params string[] variants) =>
        StartAsync(new SandboxOptions { Variants = variants });

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Host.DisposeAsync();
    }
}

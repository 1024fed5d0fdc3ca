namespace Rator.Sandbox.Tests.Support;

/// <summary>A started host with its client; dispose stops both.</summary>
public sealed class RunningSandbox : IAsyncDisposable
{
    private readonly HttpClient http;

    private RunningSandbox(SandboxHost host, HttpClient http)
    {
        Host = host;
        this.http = http;
        Client = new SandboxClient(http, host.BaseUrl);
    }

    public SandboxHost Host { get; }
    public SandboxClient Client { get; }

    public static async Task<RunningSandbox> StartAsync(SandboxOptions? options = null)
    {
        var host = await SandboxHost.StartAsync(options ?? new SandboxOptions());
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 256 };
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

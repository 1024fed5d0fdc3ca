using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (a free port) that misbehaves on purpose: one behaviour for the token
/// endpoint, and for everything else (the resources) a list of behaviours served in turn, one per request. Raw
/// sockets, so it can do what no framework lets a server do (never answer, close mid-body). Every request line is
/// recorded; every connection is counted.
/// </summary>
public sealed class FakeTarget : IAsyncDisposable
{
    public const string RedirectLocation = "https://sso.elsewhere.example/login?from=rator";
    public const string HtmlPage = "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>The server encountered an unexpected condition. Reference #E2E-HTML-PAGE</p></body></html>";
    public const string NotJson = "{\"access_token\": \"unterminated, \"balance\": <html>";

    private readonly ConcurrentQueue<string> requests = new();
    private readonly LoopbackServer server;
    private int resourceRequestCount;

    public FakeTarget(Hostility tokenEndpoint, params Hostility[] resources)
    {
        TokenEndpoint = tokenEndpoint;
        Resources = resources.Length > 0 ? resources : [Hostility.IssuesTokens];
        server = new LoopbackServer(ServeAsync);
    }

    public Hostility TokenEndpoint { get; }
    public IReadOnlyList<Hostility> Resources { get; }
    public int Port => server.Port;
    public string BaseUrl => $"http://127.0.0.1:{Port}/rator";

    public int Connections => server.Connections;

    /// <summary>"POST /rator/oauth/token?brand_key=BRAND1", in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    public IReadOnlyList<string> ResourceRequests => Requests.Where(r => !r.Contains("/oauth/token", StringComparison.Ordinal)).ToList();

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private CancellationToken Stopping => server.Stopping;

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var requestLine = await ReadRequestAsync(stream);
            if (requestLine is null)
                return;
            requests.Enqueue(requestLine);
            var behaviour = requestLine.Contains("/oauth/token", StringComparison.Ordinal)
                ? TokenEndpoint
                : Resources[(Interlocked.Increment(ref resourceRequestCount) - 1) % Resources.Count];
            await AnswerAsync(stream, behaviour);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up (its timeout) or the server is stopping.
        }
    }

    private async Task AnswerAsync(NetworkStream stream, Hostility behaviour)
    {
        switch (behaviour)
        {
            case Hostility.IssuesTokens:
                await WriteAsync(stream, 200, "OK", "application/json;charset=UTF-8",
                    $"{{\"access_token\":\"{NewToken()}\",\"token_type\":\"bearer\",\"refresh_token\":\"{NewToken()}\",\"expires_in\":1799,\"scope\":\"read write\"}}",
                    "Cache-Control: no-store", "Pragma: no-cache");
                break;
            case Hostility.NeverAnswers:
                await Task.Delay(Timeout.Infinite, Stopping);
                break;
            case Hostility.HtmlErrorPage:
                await WriteAsync(stream, 500, "Internal Server Error", "text/html; charset=utf-8", HtmlPage);
                break;
            case Hostility.InvalidJson:
                await WriteAsync(stream, 200, "OK", "application/json;charset=UTF-8", NotJson);
                break;
            case Hostility.Empty200:
                await WriteAsync(stream, 200, "OK", null, "");
                break;
            case Hostility.RedirectsElsewhere:
                await WriteAsync(stream, 302, "Found", null, "", $"Location: {RedirectLocation}");
                break;
            case Hostility.ServiceUnavailable:
                await WriteAsync(stream, 503, "Service Unavailable", "text/plain", "Down for maintenance", "Retry-After: 1");
                break;
            case Hostility.ClosesMidResponse:
                var head = "HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: 400\r\nConnection: close\r\n\r\n{\"access_token\":\"cut-";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Stopping);
                await stream.FlushAsync(Stopping);
                await Task.Delay(100, Stopping);
                break; // disposing the client closes the connection 380 bytes short
        }
    }

    private async Task WriteAsync(NetworkStream stream, int status, string reason, string? contentType, string body, params string[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"HTTP/1.1 {status} {reason}\r\n");
        if (contentType is not null)
            head.Append($"Content-Type: {contentType}\r\n");
        foreach (var header in headers)
            head.Append(header).Append("\r\n");
        head.Append($"Content-Length: {bytes.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), Stopping);
        await stream.WriteAsync(bytes, Stopping);
        await stream.FlushAsync(Stopping);
    }

    /// <summary>Reads the head and any Content-Length body; returns the request line, or null if the client left first.</summary>
    private async Task<string?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        var received = new MemoryStream();
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, Stopping);
            if (read == 0)
                return null;
            received.Write(buffer, 0, read);
        }

        var head = Encoding.ASCII.GetString(received.GetBuffer(), 0, headEnd);
        var lines = head.Split("\r\n");
        var length = lines.Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var bodyReceived = received.Length - (headEnd + 4);
        while (bodyReceived < length)
        {
            var read = await stream.ReadAsync(buffer, Stopping);
            if (read == 0)
                break;
            bodyReceived += read;
        }

        return lines[0][..lines[0].LastIndexOf(' ')];
    }

    private static int IndexOfHeadEnd(MemoryStream received)
    {
        var bytes = received.GetBuffer();
        for (var i = 0; i + 3 < received.Length; i++)
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
                return i;
        return -1;
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

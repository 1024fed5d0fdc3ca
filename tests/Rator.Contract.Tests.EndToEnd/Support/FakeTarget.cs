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
public sealed class FakeTarget : LoopbackServer
{
    public const string RedirectLocation = "https://sso.elsewhere.example/login?from=rator";
    public const string HtmlPage = "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>The server encountered an unexpected condition. Reference #E2E-HTML-PAGE</p></body></html>";
    public const string NotJson = "{\"access_token\": \"unterminated, \"balance\": <html>";

    private readonly ConcurrentQueue<string> requests = new();
    private int connectionCount;
    private int resourceRequestCount;

    public FakeTarget(Hostility tokenEndpoint, params Hostility[] resources)
    {
        TokenEndpoint = tokenEndpoint;
        Resources = resources.Length > 0 ? resources : [Hostility.IssuesTokens];
        Start();
    }

    public Hostility TokenEndpoint { get; }
    public IReadOnlyList<Hostility> Resources { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}/rator";

    public int Connections => Volatile.Read(ref connectionCount);

    /// <summary>"POST /rator/oauth/token?brand_key=BRAND1", in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    public IReadOnlyList<string> ResourceRequests => Requests.Where(r => !r.Contains("/oauth/token", StringComparison.Ordinal)).ToList();

    protected override void Accepted() => Interlocked.Increment(ref connectionCount);

    protected override async Task ServeAsync(TcpClient client, NetworkStream stream)
    {
        if (await ReadRequestAsync(stream) is not { } request)
            return;
        requests.Enqueue(request.Line);
        var behaviour = request.Line.Contains("/oauth/token", StringComparison.Ordinal)
            ? TokenEndpoint
            : Resources[(Interlocked.Increment(ref resourceRequestCount) - 1) % Resources.Count];
        await AnswerAsync(stream, behaviour);
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
                await Task.Delay(Timeout.Infinite, Stopping.Token);
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
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Stopping.Token);
                await stream.FlushAsync(Stopping.Token);
                await Task.Delay(100, Stopping.Token);
                break; // disposing the client closes the connection 380 bytes short
        }
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rator.Contract.Tests.Unit.Api;

/// <summary>One request as it arrived on the wire: header names keep the case the client sent.</summary>
public sealed record ReceivedRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    public string Path => Target.Split('?')[0];
    public string Query => Target.Contains('?') ? Target[(Target.IndexOf('?') + 1)..] : "";

    public string? Header(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public IReadOnlyList<KeyValuePair<string, string>> QueryParameters => Parse(Query, plusIsSpace: false);
    public IReadOnlyList<KeyValuePair<string, string>> FormParameters => Parse(Body, plusIsSpace: true);

    private static List<KeyValuePair<string, string>> Parse(string text, bool plusIsSpace) =>
        text.Length == 0
            ? []
            : text.Split('&').Select(pair =>
            {
                var parts = pair.Split('=', 2);
                string Decode(string s) => Uri.UnescapeDataString(plusIsSpace ? s.Replace('+', ' ') : s);
                return KeyValuePair.Create(Decode(parts[0]), parts.Length > 1 ? Decode(parts[1]) : "");
            }).ToList();
}

/// <summary>What the fake does with a request: answer with raw bytes, hang, cut the answer short, or reset.</summary>
public abstract record FakeReply
{
    public static FakeReply Json(int status, string json, params (string Name, string Value)[] headers) =>
        Respond(status, json, "application/json;charset=UTF-8", headers);

    public static FakeReply Respond(int status, string body, string? contentType = null, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\n");
        if (contentType is not null)
        {
            head.Append($"Content-Type: {contentType}\r\n");
        }

        foreach (var (name, value) in headers)
        {
            head.Append($"{name}: {value}\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        head.Append($"Content-Length: {bytes.Length}\r\nConnection: close\r\n\r\n");
        return new RawReply([.. Encoding.ASCII.GetBytes(head.ToString()), .. bytes]);
    }

    /// <summary>Accepts the request and never answers (until the server is disposed).</summary>
    public static FakeReply Hang { get; } = new HangReply();

    /// <summary>Promises a body and closes the connection half way through it.</summary>
    public static FakeReply CloseMidResponse { get; } = new RawReply(Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"access_token\":\"abc"));

    /// <summary>Sends the status line and headers, then nothing more.</summary>
    public static FakeReply HeadersThenHang { get; } = new StallReply(Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"));

    /// <summary>Resets the connection (RST) once the request is read: clients see the response end, not a reset.</summary>
    public static FakeReply Reset { get; } = new ResetReply();

    private static string Reason(int status) => status switch
    {
        200 => "OK", 302 => "Found", 400 => "Bad Request", 401 => "Unauthorized", 403 => "Forbidden",
        404 => "Not Found", 429 => "Too Many Requests", 500 => "Internal Server Error",
        502 => "Bad Gateway", 503 => "Service Unavailable", 504 => "Gateway Timeout", _ => "Status",
    };
}

public sealed record RawReply(byte[] Bytes) : FakeReply;

public sealed record HangReply : FakeReply;

public sealed record StallReply(byte[] Bytes) : FakeReply;

public sealed record ResetReply : FakeReply;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (a free port) built on a TcpListener, so it can misbehave in ways a real
/// server framework will not: hang, cut a response short, reset. Every request is recorded in arrival order.
/// </summary>
public sealed class FakeRatorServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Func<ReceivedRequest, int, FakeReply> reply;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private readonly ConcurrentBag<TcpClient> connections = [];
    private readonly Task loop;
    private int count;
    private int resetsLeft;

    private FakeRatorServer(Func<ReceivedRequest, int, FakeReply> reply, int resetFirst)
    {
        this.reply = reply;
        resetsLeft = resetFirst;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        loop = Task.Run(AcceptLoop);
    }

    public int Port { get; }

    /// <summary>The deployment's base URL, app context included, as a profile wants it.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/rator/");

    public IReadOnlyList<ReceivedRequest> Requests => received.ToList();

    /// <param name="reply">the reply to the n-th request (from 0).</param>
    /// <param name="resetFirst">how many connections to reset (RST) as soon as they are accepted, before any request is read.</param>
    public static FakeRatorServer Start(Func<ReceivedRequest, int, FakeReply> reply, int resetFirst = 0) => new(reply, resetFirst);

    public static FakeRatorServer Always(FakeReply reply) => new((_, _) => reply, 0);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        foreach (var connection in connections)
        {
            connection.Dispose();
        }

        try
        {
            await loop;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptLoop()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            connections.Add(client);
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        try
        {
            if (Interlocked.Decrement(ref resetsLeft) >= 0)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                return;
            }

            var stream = client.GetStream();
            var request = await ReadRequest(stream);
            if (request is null)
            {
                return;
            }

            received.Enqueue(request);
            switch (reply(request, Interlocked.Increment(ref count) - 1))
            {
                case RawReply raw:
                    await stream.WriteAsync(raw.Bytes, stop.Token);
                    await stream.FlushAsync(stop.Token);
                    client.Client.Shutdown(SocketShutdown.Send);
                    break;
                case HangReply:
                    await Task.Delay(Timeout.Infinite, stop.Token);
                    break;
                case StallReply stall:
                    await stream.WriteAsync(stall.Bytes, stop.Token);
                    await stream.FlushAsync(stop.Token);
                    await Task.Delay(Timeout.Infinite, stop.Token);
                    break;
                case ResetReply:
                    client.Client.LingerState = new LingerOption(true, 0);
                    break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task<ReceivedRequest?> ReadRequest(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, stop.Token);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
        }

        var head = Encoding.ASCII.GetString(buffer.GetRange(0, headEnd).ToArray()).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var headers = head.Skip(1).Where(l => l.Contains(':'))
            .Select(l => KeyValuePair.Create(l[..l.IndexOf(':')], l[(l.IndexOf(':') + 1)..].Trim()))
            .ToList();
        var length = headers.Where(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h.Value)).FirstOrDefault();
        var body = buffer.Skip(headEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk, stop.Token);
            if (read == 0)
            {
                break;
            }

            body.AddRange(chunk.AsSpan(0, read).ToArray());
        }

        return new ReceivedRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body.ToArray()));
    }

    private static int IndexOfHeadEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}

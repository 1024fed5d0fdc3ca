using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// An HTTP/1.1 server on raw sockets on 127.0.0.1 (a free port), one request per connection, so that a test's server can
/// do what no framework lets a server do (never answer, close mid-body, drop the connection). The fake targets and the
/// faulty proxy share it: the accept loop, reading a request, writing a response, stopping.
/// </summary>
public abstract class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly object gate = new();
    private readonly List<Task> connections = [];
    private Task accepting = Task.CompletedTask;

    protected LoopbackServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    /// <summary>Cancelled when the server stops: every wait of a connection honours it.</summary>
    protected CancellationTokenSource Stopping { get; } = new();

    /// <summary>A request as it came: its head's lines (the request line first) and its Content-Length body.</summary>
    protected sealed record RawRequest(IReadOnlyList<string> HeadLines, byte[] Body)
    {
        /// <summary>"POST /rator/oauth/token?brand_key=BRAND1", without the protocol.</summary>
        public string Line => HeadLines[0][..HeadLines[0].LastIndexOf(' ')];
    }

    /// <summary>Starts accepting; called last by the derived constructor, once it is ready to serve.</summary>
    protected void Start() => accepting = AcceptAsync();

    /// <summary>Serves one connection; the client is disposed (the connection closed) when it returns.</summary>
    protected abstract Task ServeAsync(TcpClient client, NetworkStream stream);

    public async ValueTask DisposeAsync()
    {
        await Stopping.CancelAsync();
        listener.Stop();
        Task[] open;
        lock (gate)
            open = [accepting, .. connections];
        try
        {
            await Task.WhenAll(open).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException or TimeoutException)
        {
            // Stopping: the connections' own failures are expected now.
        }

        Stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!Stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(Stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Accepted();
            lock (gate)
            {
                connections.RemoveAll(c => c.IsCompleted);
                connections.Add(ServeOneAsync(client));
            }
        }
    }

    /// <summary>Called for every connection accepted, before it is served.</summary>
    protected virtual void Accepted()
    {
    }

    private async Task ServeOneAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            await ServeAsync(client, client.GetStream());
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up (its timeout) or the server is stopping.
        }
    }

    /// <summary>Reads the head and any Content-Length body; null if the client left first.</summary>
    protected async Task<RawRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        var received = new MemoryStream();
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, Stopping.Token);
            if (read == 0)
                return null;
            received.Write(buffer, 0, read);
        }

        var lines = Encoding.ASCII.GetString(received.GetBuffer(), 0, headEnd).Split("\r\n");
        var length = lines.Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        while (received.Length - (headEnd + 4) < length)
        {
            var read = await stream.ReadAsync(buffer, Stopping.Token);
            if (read == 0)
                break;
            received.Write(buffer, 0, read);
        }

        return new RawRequest(lines, received.GetBuffer().AsSpan(headEnd + 4, (int)received.Length - headEnd - 4).ToArray());
    }

    /// <summary>A whole response with Content-Length and "Connection: close".</summary>
    protected async Task WriteAsync(NetworkStream stream, int status, string reason, string? contentType, string body, params string[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"HTTP/1.1 {status} {reason}\r\n");
        if (contentType is not null)
            head.Append($"Content-Type: {contentType}\r\n");
        foreach (var header in headers)
            head.Append(header).Append("\r\n");
        head.Append($"Content-Length: {bytes.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), Stopping.Token);
        await stream.WriteAsync(bytes, Stopping.Token);
        await stream.FlushAsync(Stopping.Token);
    }

    private static int IndexOfHeadEnd(MemoryStream received)
    {
        var bytes = received.GetBuffer();
        for (var i = 0; i + 3 < received.Length; i++)
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
                return i;
        return -1;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// A loopback reverse proxy in front of a deployment (a standalone sandbox), misbehaving as infrastructure does: an
/// outage window in which every request gets "503 Service Unavailable" (a rolling restart, a load balancer draining),
/// opened once a number of requests have passed so it falls mid-run on any machine, and random transient faults (502,
/// 503, a connection dropped without an answer). A faulted request never reaches the deployment, so nothing it would
/// have done is done twice. One request per connection (the proxy asks both sides to close); raw sockets, as FakeTarget.
/// </summary>
public sealed class FaultyProxy : IAsyncDisposable
{
    public const string MaintenancePage = "Down for maintenance: back shortly.";

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Uri upstream;
    private readonly Random random;
    private readonly object gate = new();
    private readonly Task accepting;
    private readonly List<Task> connections = [];
    private int requests;
    private int faults;
    private DateTimeOffset? windowOpened;
    private int faultAt;

    /// <param name="upstream">The deployment's origin (scheme, host, port).</param>
    /// <param name="outageAfterRequests">The request that opens the outage window; null: no window.</param>
    /// <param name="outageLength">How long every request gets a 503.</param>
    /// <param name="faultRate">The share of requests outside the window that get a transient fault (0 to 1), at random places.</param>
    public FaultyProxy(Uri upstream, int? outageAfterRequests = null, TimeSpan outageLength = default, double faultRate = 0, int seed = 20)
    {
        this.upstream = upstream;
        OutageAfterRequests = outageAfterRequests;
        OutageLength = outageLength;
        FaultRate = faultRate;
        random = new Random(seed);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int? OutageAfterRequests { get; }
    public TimeSpan OutageLength { get; }
    public double FaultRate { get; }
    public int Port { get; }

    /// <summary>The proxy's address with the sandbox's app context, for an environment file's target.baseUrl.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}/rator/";

    public int Requests => Volatile.Read(ref requests);

    /// <summary>Requests answered by the proxy itself (the window's 503s and the random faults).</summary>
    public int Faults => Volatile.Read(ref faults);

    /// <summary>When the outage window opened; null while it has not.</summary>
    public DateTimeOffset? WindowOpened
    {
        get
        {
            lock (gate)
                return windowOpened;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
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

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (gate)
            {
                connections.RemoveAll(c => c.IsCompleted);
                connections.Add(ServeAsync(client));
            }
        }
    }

    private enum Fault { None, Maintenance, BadGateway, Unavailable, Drop }

    private Fault Decide()
    {
        var number = Interlocked.Increment(ref requests);
        lock (gate)
        {
            var now = DateTimeOffset.UtcNow;
            if (windowOpened is null && number >= OutageAfterRequests)
                windowOpened = now;
            if (windowOpened is { } opened && now - opened < OutageLength)
                return Fault.Maintenance;
            // The rate exactly, at random places: in each block of requests as long as 1/rate, one random request faults.
            var block = FaultRate > 0 ? (int)Math.Round(1 / FaultRate) : 0;
            if (block == 0)
                return Fault.None;
            if ((number - 1) % block == 0)
                faultAt = random.Next(block);
            if ((number - 1) % block != faultAt)
                return Fault.None;
            return (Fault)random.Next((int)Fault.BadGateway, (int)Fault.Drop + 1);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var request = await ReadRequestAsync(stream);
            if (request is null)
                return;
            var fault = Decide();
            if (fault != Fault.None)
                Interlocked.Increment(ref faults);
            switch (fault)
            {
                case Fault.Maintenance:
                    await WriteAsync(stream, "503 Service Unavailable", MaintenancePage, "Retry-After: 1");
                    break;
                case Fault.BadGateway:
                    await WriteAsync(stream, "502 Bad Gateway", "<html><body><h1>502 Bad Gateway</h1></body></html>");
                    break;
                case Fault.Unavailable:
                    await WriteAsync(stream, "503 Service Unavailable", "<html><body><h1>503 Service Unavailable</h1></body></html>");
                    break;
                case Fault.Drop:
                    client.Client.LingerState = new LingerOption(true, 0); // an RST, as a proxy that lost its upstream
                    break;
                default:
                    await ForwardAsync(request, stream);
                    break;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up (its timeout) or the proxy is stopping.
        }
    }

    private async Task ForwardAsync(byte[] request, NetworkStream downstream)
    {
        using var deployment = new TcpClient();
        await deployment.ConnectAsync(upstream.Host, upstream.Port, stopping.Token);
        var toDeployment = deployment.GetStream();
        await toDeployment.WriteAsync(request, stopping.Token);
        await toDeployment.FlushAsync(stopping.Token);
        // The request asked to close: the answer ends where the deployment's connection does.
        await toDeployment.CopyToAsync(downstream, stopping.Token);
        await downstream.FlushAsync(stopping.Token);
    }

    private async Task WriteAsync(NetworkStream stream, string status, string body, params string[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"HTTP/1.1 {status}\r\nContent-Type: {(body.StartsWith('<') ? "text/html" : "text/plain")}; charset=utf-8\r\n");
        foreach (var header in headers)
            head.Append(header).Append("\r\n");
        head.Append($"Content-Length: {bytes.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stopping.Token);
        await stream.WriteAsync(bytes, stopping.Token);
        await stream.FlushAsync(stopping.Token);
    }

    /// <summary>The whole request (head with "Connection: close" in place of any Connection header, then the body); null if the client left first.</summary>
    private async Task<byte[]?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        var received = new MemoryStream();
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, stopping.Token);
            if (read == 0)
                return null;
            received.Write(buffer, 0, read);
        }

        var lines = Encoding.ASCII.GetString(received.GetBuffer(), 0, headEnd).Split("\r\n").ToList();
        var length = lines.Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        while (received.Length - (headEnd + 4) < length)
        {
            var read = await stream.ReadAsync(buffer, stopping.Token);
            if (read == 0)
                return null;
            received.Write(buffer, 0, read);
        }

        lines.RemoveAll(l => l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase));
        lines.Add("Connection: close");
        var head = Encoding.ASCII.GetBytes(string.Join("\r\n", lines) + "\r\n\r\n");
        return [.. head, .. received.GetBuffer().AsSpan(headEnd + 4, (int)received.Length - headEnd - 4)];
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

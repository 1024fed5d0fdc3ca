using System.Net.Sockets;
using System.Text;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// A loopback reverse proxy in front of a deployment (a standalone sandbox), misbehaving as infrastructure does: an
/// outage window in which every request gets "503 Service Unavailable" (a rolling restart, a load balancer draining),
/// opened once a number of requests have passed so it falls mid-run on any machine, and transient faults (502, 503, a
/// connection dropped without an answer) at random places. A faulted request never reaches the deployment, so nothing
/// it would have done is done twice. One request per connection: the proxy asks both sides to close.
/// </summary>
public sealed class FaultyProxy : LoopbackServer
{
    public const string MaintenancePage = "Down for maintenance: back shortly.";

    private readonly Uri upstream;
    private readonly Random random;
    private readonly object gate = new();
    private int requests;
    private int faults;
    private int faultAt;
    private DateTimeOffset? windowOpened;

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
        Start();
    }

    public int? OutageAfterRequests { get; }
    public TimeSpan OutageLength { get; }
    public double FaultRate { get; }

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

    private enum Fault { None, Maintenance, BadGateway, Unavailable, Drop }

    protected override async Task ServeAsync(TcpClient client, NetworkStream stream)
    {
        if (await ReadRequestAsync(stream) is not { } request)
            return;
        var fault = Decide();
        if (fault != Fault.None)
            Interlocked.Increment(ref faults);
        switch (fault)
        {
            case Fault.Maintenance:
                await WriteAsync(stream, 503, "Service Unavailable", "text/plain; charset=utf-8", MaintenancePage, "Retry-After: 1");
                break;
            case Fault.BadGateway:
                await WriteAsync(stream, 502, "Bad Gateway", "text/html; charset=utf-8", "<html><body><h1>502 Bad Gateway</h1></body></html>");
                break;
            case Fault.Unavailable:
                await WriteAsync(stream, 503, "Service Unavailable", "text/html; charset=utf-8", "<html><body><h1>503 Service Unavailable</h1></body></html>");
                break;
            case Fault.Drop:
                client.Client.LingerState = new LingerOption(true, 0); // an RST when the connection closes, as a proxy that lost its upstream
                break;
            default:
                await ForwardAsync(request, stream);
                break;
        }
    }

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

    /// <summary>The request as it came, but asking the deployment to close after its answer: the answer ends where its connection does.</summary>
    private async Task ForwardAsync(RawRequest request, NetworkStream downstream)
    {
        var head = request.HeadLines.Where(l => !l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase)).Append("Connection: close");
        using var deployment = new TcpClient();
        await deployment.ConnectAsync(upstream.Host, upstream.Port, Stopping.Token);
        var toDeployment = deployment.GetStream();
        await toDeployment.WriteAsync(Encoding.ASCII.GetBytes(string.Join("\r\n", head) + "\r\n\r\n"), Stopping.Token);
        await toDeployment.WriteAsync(request.Body, Stopping.Token);
        await toDeployment.FlushAsync(Stopping.Token);
        await toDeployment.CopyToAsync(downstream, Stopping.Token);
        await downstream.FlushAsync(Stopping.Token);
    }
}
